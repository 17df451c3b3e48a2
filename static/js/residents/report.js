// "Meld et sted": a click on the map puts the pin and fills in the point's coordinates.
// On the findings map it uses that map (walks/map.js leaves it on the element); on the
// report page it draws its own map of the partnership area. Without JS the fields are typed.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form || !window.L) return;
  var lat = form.querySelector("[name=lat]");
  var lon = form.querySelector("[name=lon]");
  var findingsMap = document.getElementById("findings-map");
  var map = findingsMap && findingsMap.trygplanMap;
  if (!map) {
    var el = document.getElementById("report-map");
    if (!el) return;
    map = L.map(el, { scrollWheelZoom: false });
    map.setView([55.66, 12.61], 15);
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.tilesAttribution || "" }).addTo(map);
    }
    fetch(el.dataset.area).then(function (r) { return r.json(); }).then(function (data) {
      var layer = L.geoJSON(data, { style: { color: "#0059b3", weight: 2, fillOpacity: 0.08 }, interactive: false }).addTo(map);
      if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { padding: [12, 12] });
    }).catch(function () {});
  }
  var marker = null;
  function place(latlng, fill) {
    if (!marker) {
      marker = L.marker(latlng, { title: form.dataset.pinTitle || "" }).addTo(map);
    } else {
      marker.setLatLng(latlng);
    }
    if (fill) {
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
    }
  }
  map.on("click", function (event) { place(event.latlng, true); });
  if (lat.value && lon.value && !isNaN(+lat.value) && !isNaN(+lon.value)) {
    place(L.latLng(+lat.value, +lon.value), false);
  }
})();
