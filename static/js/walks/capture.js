// The phone page used on a safety walk. A finding is first kept on the phone (IndexedDB),
// then sent; without network it waits and is sent when the network returns. Each finding
// carries a UUID made here, so a retry never creates a second finding on the server.
// A finding leaves the phone only once the server has accepted it: one the server refuses
// stays, with the server's message and a button that puts it back into the form to be fixed.
// A service worker (capture-worker.js) keeps this page, so a reload without network works.
(function () {
  "use strict";
  var form = document.getElementById("capture-form");
  if (!form) return;
  var text = form.dataset;
  var list = document.getElementById("capture-list");
  var errorBox = document.getElementById("capture-error");
  var placeStatus = document.getElementById("place-status");
  var lon = document.getElementById("id_lon");
  var lat = document.getElementById("id_lat");
  var uuidInput = document.getElementById("id_client_uuid");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var STORE = "findings";
  var sending = false;

  function newUuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  // --- the queue on the phone (IndexedDB) -----------------------------------------------
  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("trygplan-walks", 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "uuid" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function tx(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { resolve(result && result.result); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function queueAdd(entry) { return tx("readwrite", function (s) { return s.put(entry); }); }
  function queueRemove(uuid) { return tx("readwrite", function (s) { return s.delete(uuid); }); }
  function queueAll() { return tx("readonly", function (s) { return s.getAll(); }); }

  // --- the list of findings on this page -------------------------------------------------
  function row(entry) {
    var li = list.querySelector('[data-uuid="' + entry.uuid + '"]');
    if (!li) {
      li = document.createElement("li");
      li.dataset.uuid = entry.uuid;
      var label = document.createElement("span");
      label.className = "capture-label";
      var state = document.createElement("span");
      state.className = "capture-state";
      state.setAttribute("role", "status");
      li.appendChild(label);
      li.appendChild(document.createTextNode(" – "));
      li.appendChild(state);
      list.appendChild(li);
    }
    li.querySelector(".capture-label").textContent = entry.label;
    return li;
  }
  function setState(entry, message, kind) {
    var li = row(entry);
    var state = li.querySelector(".capture-state");
    state.textContent = message;
    li.dataset.state = kind;
    var fix = li.querySelector(".capture-fix");
    if (fix && kind !== "failed") fix.remove();
  }

  // --- sending ---------------------------------------------------------------------------
  // The CSRF cookie, when there is one, is fresher than the token in a page kept offline.
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : csrf;
  }
  function send(entry) {
    var data = new FormData();
    Object.keys(entry.fields).forEach(function (name) { data.append(name, entry.fields[name]); });
    data.append("client_uuid", entry.uuid);
    if (entry.photo) data.append("photo", entry.photo, entry.photoName || "foto.jpg");
    return fetch(entry.action || form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    }).then(function (response) {
      // A proxy's 413 or a login page is not JSON: the status alone says what happened.
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { status: response.status, body: body };
      });
    });
  }

  function refusalOf(result) {
    var messages = [];
    Object.keys(result.body.errors || {}).forEach(function (k) { messages = messages.concat(result.body.errors[k]); });
    if (!messages.length) messages.push(result.status === 413 ? text.tooLarge : text.refusedUnknown);
    return messages;
  }

  function showRefused(entry) {
    setState(entry, text.failed + " " + entry.refused.join(" ") + " " + text.fixIt, "failed");
    var li = row(entry);
    if (li.querySelector(".capture-fix")) return;
    var fix = document.createElement("button");
    fix.type = "button";
    fix.className = "button button-secondary capture-fix";
    fix.textContent = text.fixButton;
    fix.addEventListener("click", function () { edit(entry.uuid); });
    li.appendChild(fix);
  }

  function accepted(entry, result) {
    entry.label = text.finding + " " + result.body.number + ": " + entry.categoryLabel;
    setState(entry, text.sent + (result.body.warning ? " · " + result.body.warning : ""), "sent");
    return queueRemove(entry.uuid);
  }

  function sendOne(entry) {
    if (entry.refused) return Promise.resolve(false);  // waits for the person to fix it
    setState(entry, text.sending, "local");
    return send(entry).then(function (result) {
      if (result.status === 200 || result.status === 201) return accepted(entry, result).then(function () { return true; });
      if (result.status === 400 || result.status === 413) {
        // Refused: keep everything that was typed and the photo, say why, let it be fixed.
        entry.refused = refusalOf(result);
        return queueAdd(entry).then(function () { showRefused(entry); return false; });
      }
      // Logged out, a server error: keep it and try again later.
      setState(entry, result.status === 403 ? text.loginAgain : text.savedLocal, "local");
      return false;
    }, function (error) {
      setState(entry, text.savedLocal, "local");
      throw error;  // offline: stop this round, the rest waits too
    });
  }

  function flush() {
    if (sending || !navigator.onLine) return Promise.resolve();
    sending = true;
    var anySent = false;
    return queueAll().then(function (entries) {
      return entries.reduce(function (chain, entry) {
        return chain.then(function () {
          return sendOne(entry).then(function (sent) { anySent = anySent || sent; });
        });
      }, Promise.resolve());
    }).catch(function () { /* offline or flaky: the entries stay on the phone */ })
      .then(function () {
        sending = false;
        if (anySent) keepCopy();
      });
  }

  // --- fixing a refused finding: back into the form, photo and all ---------------------------
  function edit(uuid) {
    queueAll().then(function (entries) {
      var entry = entries.filter(function (e) { return e.uuid === uuid; })[0];
      if (!entry) return;
      uuidInput.value = entry.uuid;
      place(L.latLng(parseFloat(entry.fields.lat), parseFloat(entry.fields.lon)));
      if (map) map.setView([parseFloat(entry.fields.lat), parseFloat(entry.fields.lon)], map.getZoom());
      var category = document.getElementById("category-" + entry.fields.category);
      if (category) category.checked = true;
      form.querySelector("[name=description]").value = entry.fields.description || "";
      form.querySelector("[name=score_feeling]").value = entry.fields.score_feeling || "";
      form.querySelector("[name=is_good_place]").checked = entry.fields.is_good_place === "on";
      var photoInput = form.querySelector("[name=photo]");
      photoInput.value = "";
      if (entry.photo && window.DataTransfer) {
        var files = new DataTransfer();
        files.items.add(new File([entry.photo], entry.photoName || "foto.jpg", { type: entry.photo.type }));
        photoInput.files = files.files;
      }
      removePhoto.hidden = !entry.photo;
      showError(text.failed + " " + entry.refused.join(" "));
      form.scrollIntoView();
      form.querySelector("[name=description]").focus();
    });
  }
  var removePhoto = document.getElementById("capture-remove-photo");
  removePhoto.addEventListener("click", function () {
    form.querySelector("[name=photo]").value = "";
    removePhoto.hidden = true;
  });

  // --- a copy of this page for a reload without network (the service worker serves it) ------
  var CACHE = "trygplan-capture-v1";
  function keepCopy() {
    if (!window.caches || !navigator.onLine) return;
    caches.open(CACHE).then(function (cache) { return cache.add(window.location.pathname); }).catch(function () {});
  }
  if ("serviceWorker" in navigator && form.dataset.worker) {
    navigator.serviceWorker.register(form.dataset.worker)
      .then(function () { return navigator.serviceWorker.ready; })
      .then(keepCopy)
      .catch(function () { /* no worker (private mode, offline): the queue still works */ });
  }

  // --- the form --------------------------------------------------------------------------
  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var category = form.querySelector("[name=category]:checked");
    if (!lon.value || !lat.value) { showError(text.needPlace); return; }
    if (!category) { showError(text.needCategory); return; }
    showError("");
    var photoInput = form.querySelector("[name=photo]");
    var photo = photoInput.files && photoInput.files[0];
    var categoryLabel = form.querySelector('label[for="' + category.id + '"]').textContent;
    var entry = {
      uuid: uuidInput.value || newUuid(),
      action: form.action,
      fields: {
        lon: lon.value,
        lat: lat.value,
        category: category.value,
        description: form.querySelector("[name=description]").value,
        score_feeling: form.querySelector("[name=score_feeling]").value,
      },
      categoryLabel: categoryLabel,
      label: categoryLabel,
      photo: photo || null,
      photoName: photo ? photo.name : "",
    };
    if (form.querySelector("[name=is_good_place]").checked) entry.fields.is_good_place = "on";
    queueAdd(entry).then(function () {
      setState(entry, text.savedLocal, "local");
      form.reset();
      removePhoto.hidden = true;
      uuidInput.value = newUuid();
      lon.value = lat.value = "";
      if (marker) { map.removeLayer(marker); marker = null; }
      placeStatus.textContent = "";
      return flush();
    });
  });

  // --- the map: tap to place the pin, or use the phone's position ------------------------
  var map = null;
  var marker = null;
  function place(latlng) {
    lon.value = latlng.lng.toFixed(6);
    lat.value = latlng.lat.toFixed(6);
    if (marker) marker.setLatLng(latlng);
    else if (map) marker = L.marker(latlng).addTo(map);
    placeStatus.textContent = text.placed;
  }
  var mapEl = document.getElementById("capture-map");
  if (window.L && mapEl) {
    map = L.map(mapEl, { tap: true });
    map.setView([55.66, 12.61], 15);
    fetch(mapEl.dataset.area).then(function (r) { return r.json(); }).then(function (data) {
      var layer = L.geoJSON(data, { style: { color: "#0059b3", weight: 2, fillOpacity: 0.1 }, interactive: false }).addTo(map);
      if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    }).catch(function () {});
    map.on("click", function (e) { place(e.latlng); });
  }
  document.getElementById("use-position").addEventListener("click", function () {
    if (!navigator.geolocation) { placeStatus.textContent = text.noPosition; return; }
    navigator.geolocation.getCurrentPosition(function (position) {
      var latlng = L.latLng(position.coords.latitude, position.coords.longitude);
      place(latlng);
      if (map) map.setView(latlng, Math.max(map.getZoom(), 17));
    }, function () { placeStatus.textContent = text.noPosition; }, { enableHighAccuracy: true, timeout: 10000 });
  });

  // A page kept offline carries an old UUID: every page load starts a new one.
  uuidInput.value = newUuid();
  // Entries left from before (page reloaded offline): show them and send them.
  queueAll().then(function (entries) {
    entries.forEach(function (entry) {
      if (entry.refused) showRefused(entry);
      else setState(entry, text.savedLocal, "local");
    });
    flush();
  }).catch(function () {});
  window.addEventListener("online", flush);
  setInterval(flush, 4000);
})();
