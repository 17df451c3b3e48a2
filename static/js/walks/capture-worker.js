// The capture page's service worker. walks.views.capture_worker serves it (after the list of
// what to keep, self.CAPTURE_ASSETS, and the static prefix) from /p/<slug>/walks/, so its scope covers every walk's
// capture page. It keeps a copy of the capture pages and their styles, scripts, fonts and the
// partnership's area, so a reload without network still shows the page; the findings waiting
// to be sent live in IndexedDB (static/js/walks/capture.js), not here.
// Always the network first (the copy is only used when the network fails); sending a finding
// (POST) never goes through here.
(function () {
  "use strict";
  var CACHE = "trygplan-capture-v1";
  var ASSETS = self.CAPTURE_ASSETS || [];
  var STATIC_PREFIX = self.CAPTURE_STATIC || "/static/";

  self.addEventListener("install", function (event) {
    event.waitUntil(
      caches.open(CACHE)
        .then(function (cache) { return cache.addAll(ASSETS); })
        .then(function () { return self.skipWaiting(); })
    );
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(self.clients.claim());
  });

  function isCapturePage(url) {
    return /\/walks\/\d+\/capture\/$/.test(url.pathname);
  }

  function isKept(request) {
    if (request.method !== "GET") return false;
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) return false;
    if (request.mode === "navigate") return isCapturePage(url);
    return url.pathname.indexOf(STATIC_PREFIX) === 0 || ASSETS.indexOf(url.pathname) !== -1;
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (!isKept(request)) return;  // everything else: the browser as usual
    event.respondWith(
      fetch(request).then(function (response) {
        // a login page after a redirect is not the capture page: never keep that
        if (response.ok && !response.redirected && response.type === "basic") {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
        }
        return response;
      }).catch(function () {
        return caches.match(request, { ignoreVary: true, ignoreSearch: request.mode === "navigate" })
          .then(function (kept) { return kept || Response.error(); });
      })
    );
  });
})();
