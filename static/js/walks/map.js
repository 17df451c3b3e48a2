// The findings map: partnership polygon, an optional walk route and a pin per finding,
// coloured by status AND marked with the status letter (never colour alone). Works without
// background tiles; set data-tiles on the map element to show them.
(function () {
  "use strict";
  var el = document.getElementById("findings-map");
  if (!el || !window.L) return;
  var map = L.map(el, { scrollWheelZoom: false });
  map.setView([55.66, 12.61], 15);
  el.trygplanMap = map; // residents/report.js puts the "Meld et sted" pin on this map
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.tilesAttribution || "" }).addTo(map);
  }
  var bounds = L.latLngBounds([]);
  function fit() { if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], maxZoom: 18 }); }

  fetch(el.dataset.area).then(function (r) { return r.json(); }).then(function (data) {
    var layer = L.geoJSON(data, { style: { color: "#0059b3", weight: 2, fillOpacity: 0.08 }, interactive: false }).addTo(map);
    if (layer.getBounds().isValid()) bounds.extend(layer.getBounds());
    fit();
  }).catch(function () {});

  var routeScript = document.getElementById("walk-route");
  var route = routeScript ? JSON.parse(routeScript.textContent) : null;
  if (route && route.coordinates && route.coordinates.length > 1) {
    var line = L.polyline(route.coordinates.map(function (p) { return [p[1], p[0]]; }), { color: "#1a1a1a", weight: 3, dashArray: "8 4" }).addTo(map);
    bounds.extend(line.getBounds());
  }

  function pin(feature) {
    var p = feature.properties;
    var span = document.createElement("span");
    // The colour is a class (walks.css), not a style attribute: the Content-Security-Policy
    // refuses style attributes in HTML that Leaflet would parse.
    span.className = "walk-pin walk-pin--" + (p.good_place ? "good" : p.status);
    span.dataset.status = p.status;
    span.textContent = p.letter;
    return L.divIcon({ className: "walk-pin-icon", html: span, iconSize: [28, 28], iconAnchor: [14, 14] });
  }
  function popup(p) {
    var div = document.createElement("div");
    var a = document.createElement("a");
    a.href = p.url;
    a.textContent = p.number + ". " + p.category_label + (p.place ? " – " + p.place : "");
    var status = document.createElement("p");
    status.textContent = p.status_label + (p.owner ? " · " + p.owner : "");
    div.appendChild(a);
    div.appendChild(status);
    if (p.public_reason) {
      var reason = document.createElement("p");
      reason.textContent = p.public_reason;
      div.appendChild(reason);
    }
    return div;
  }
  function cluster(feature) {
    var span = document.createElement("span");
    span.className = "walk-pin walk-pin--cluster";
    span.textContent = String(feature.properties.count);
    return L.divIcon({ className: "walk-pin-icon", html: span.outerHTML, iconSize: [34, 34], iconAnchor: [17, 17] });
  }
  var layer = null;
  function show(data) {
    if (layer) map.removeLayer(layer);
    layer = L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties;
        if (p.cluster) {
          var m = L.marker(latlng, { icon: cluster(feature), title: p.count + " fund" });
          m.on("click", function () { map.setView(latlng, map.getZoom() + 2); });
          return m;
        }
        return L.marker(latlng, { icon: pin(feature), title: p.number + ". " + p.category_label + " (" + p.status_label + ")" });
      },
      onEachFeature: function (feature, marker) {
        if (!feature.properties.cluster) marker.bindPopup(popup(feature.properties));
      },
    }).addTo(map);
    el.dataset.loaded = String(data.features.length);
    return layer;
  }
  // The map's view decides what is fetched: ?bbox= and ?zoom= (grouped in a grid when far out).
  function url(extra) {
    return el.dataset.geojson + (el.dataset.geojson.indexOf("?") < 0 ? "?" : "&") + extra;
  }
  function reload() {
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (n) { return n.toFixed(5); }).join(",");
    fetch(url("bbox=" + bbox + "&zoom=" + map.getZoom()), { headers: { Accept: "application/geo+json" } })
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () {});
  }
  fetch(el.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var first = show(data);
      if (first.getBounds().isValid()) bounds.extend(first.getBounds());
      fit();
      map.on("moveend", reload);
    });
})();
