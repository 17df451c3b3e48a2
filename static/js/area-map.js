// Draws the partnership area from its GeoJSON endpoint. Works without background tiles:
// the polygon is drawn on a plain background if no tile URL is configured or tiles fail.
(function () {
  "use strict";
  var el = document.getElementById("area-map");
  if (!el || !window.L) return;
  var map = L.map(el, { scrollWheelZoom: false });
  var tiles = el.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: el.dataset.tilesAttribution || "" }).addTo(map);
  }
  fetch(el.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, { style: { color: "#0059b3", weight: 2, fillOpacity: 0.15 } }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    });
})();
