// The pool application form: the budget total, and an optional pin inside the partnership area.
// Without JavaScript the form still works: no total shown, no pin (the place is typed instead).
(function () {
  "use strict";
  var form = document.getElementById("application-form");
  if (!form) return;

  // Budget total, read as the server reads it: whole kroner, "." groups thousands.
  var output = document.getElementById("budget-total");
  function kroner(text) {
    var cleaned = text.trim().toLowerCase().replace(/\s*(kr\.?)$/, "").replace(/\s/g, "");
    if (/^\d{1,3}(\.\d{3})+$/.test(cleaned)) cleaned = cleaned.replace(/\./g, "");
    return /^\d+$/.test(cleaned) ? parseInt(cleaned, 10) : null;
  }
  function total() {
    var sum = 0, valid = true;
    form.querySelectorAll("input[name$='_amount']").forEach(function (input) {
      if (!input.value.trim()) return;
      var value = kroner(input.value);
      if (value === null) valid = false; else sum += value;
    });
    output.textContent = valid ? sum.toLocaleString("da-DK") + " kr." : "–";
  }
  form.addEventListener("input", total);
  total();

  // Pin on the map.
  var el = document.getElementById("pin-map");
  if (!el || !window.L) { if (el) el.hidden = true; return; }
  var lat = document.getElementById("id_latitude");
  var lon = document.getElementById("id_longitude");
  var status = document.getElementById("pin-status");
  var clear = document.getElementById("pin-clear");
  var map = L.map(el, { scrollWheelZoom: false });
  var area = null, marker = null;

  function inside(point, ring) {
    var x = point[0], y = point[1], hit = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) hit = !hit;
    }
    return hit;
  }
  function inArea(lng, lt) {
    if (!area) return true;
    var polygons = area.type === "Polygon" ? [area.coordinates] : area.coordinates;
    return polygons.some(function (polygon) {
      return inside([lng, lt], polygon[0]) && !polygon.slice(1).some(function (hole) { return inside([lng, lt], hole); });
    });
  }
  function place(latlng) {
    if (!inArea(latlng.lng, latlng.lat)) {
      status.textContent = el.dataset.outside;
      return;
    }
    if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    status.textContent = el.dataset.placed;
    clear.hidden = false;
  }
  clear.addEventListener("click", function () {
    if (marker) { map.removeLayer(marker); marker = null; }
    lat.value = ""; lon.value = "";
    status.textContent = el.dataset.removed;
    clear.hidden = true;
  });
  map.on("click", function (event) { place(event.latlng); });
  fetch(el.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      if (data.features.length) area = data.features[0].geometry;
      var layer = L.geoJSON(data, { style: { color: "#0059b3", weight: 2, fillOpacity: 0.15 }, interactive: false }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [10, 10] });
      if (lat.value && lon.value) place(L.latLng(parseFloat(lat.value), parseFloat(lon.value)));
    });
})();
