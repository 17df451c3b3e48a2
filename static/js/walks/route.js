// Drawing a walk's route: tap the map to add points; the route is written to a hidden input
// as a GeoJSON LineString. "Ingen rute" empties it (a walk without a route is allowed).
(function () {
  "use strict";
  var el = document.getElementById("route-map");
  if (!el || !window.L) return;
  var input = document.getElementById(el.dataset.input);
  var count = document.getElementById("route-count");
  var map = L.map(el);
  map.setView([55.66, 12.61], 15);
  // Background tiles when TRYGPLAN_TILE_URL is set; else the area outline on a plain ground.
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.tilesAttribution || "" }).addTo(map);
  }
  var points = [];
  try {
    var existing = input.value ? JSON.parse(input.value) : null;
    if (existing && existing.coordinates) points = existing.coordinates.map(function (p) { return [p[1], p[0]]; });
  } catch (e) { points = []; }
  var line = L.polyline(points, { color: "#1a1a1a", weight: 3 }).addTo(map);
  var dots = L.layerGroup().addTo(map);

  function update() {
    line.setLatLngs(points);
    dots.clearLayers();
    points.forEach(function (p) { L.circleMarker(p, { radius: 4, color: "#1a1a1a" }).addTo(dots); });
    input.value = points.length ? JSON.stringify({ type: "LineString", coordinates: points.map(function (p) { return [Number(p[1].toFixed(6)), Number(p[0].toFixed(6))]; }) }) : "";
    count.textContent = points.length + " " + (el.dataset.pointsLabel || "punkter");
  }
  fetch(el.dataset.area).then(function (r) { return r.json(); }).then(function (data) {
    var layer = L.geoJSON(data, { style: { color: "#0059b3", weight: 2, fillOpacity: 0.08 }, interactive: false }).addTo(map);
    var b = layer.getBounds();
    if (points.length) b.extend(line.getBounds());
    if (b.isValid()) map.fitBounds(b, { padding: [8, 8] });
  }).catch(function () {});
  map.on("click", function (e) { points.push([e.latlng.lat, e.latlng.lng]); update(); });
  document.getElementById("route-undo").addEventListener("click", function () { points.pop(); update(); });
  document.getElementById("route-clear").addEventListener("click", function () { points = []; update(); });
  update();
})();
