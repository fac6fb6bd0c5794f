/* Setting a project's point on a small map: a click puts the pin and fills the coordinates;
   typing coordinates moves the pin. */
(function () {
  "use strict";
  const el = document.getElementById("place-map");
  const form = document.getElementById("place-form");
  if (!el || !form || !window.L) return;
  const lat = form.querySelector("[name=latitude]");
  const lng = form.querySelector("[name=longitude]");
  const source = form.querySelector("[name=source]");
  const map = L.map(el, { zoomSnap: 0.5 });
  if (el.dataset.tiles) L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution || "" }).addTo(map);
  let pin = null;
  const put = (la, lo) => {
    if (pin) pin.setLatLng([la, lo]);
    else pin = L.circleMarker([la, lo], { radius: 8, color: "#fff", weight: 2, fillColor: "#0b5cad", fillOpacity: 1 }).addTo(map);
  };
  const pts = JSON.parse(el.dataset.photos || "[]");
  for (const [la, lo] of pts) L.circleMarker([la, lo], { radius: 4, color: "#d98e04", fillOpacity: 0.8 }).addTo(map);
  if (lat.value && lng.value) { put(+lat.value, +lng.value); map.setView([+lat.value, +lng.value], 15); }
  else if (pts.length) map.fitBounds(pts, { maxZoom: 15, padding: [20, 20] });
  else {  // nothing placed yet: the org's own area (its pins, else its province's outline)
    const holder = document.getElementById("place-area");
    const area = holder ? JSON.parse(holder.textContent || "{}") : {};
    if (area.outline) L.geoJSON(area.outline, { style: { color: "#345", weight: 2, fillColor: "#dfe8ef", fillOpacity: 0.3 }, interactive: false }).addTo(map);
    if (area.bounds) map.fitBounds(area.bounds, { maxZoom: 13, padding: [20, 20] });
    else map.fitBounds([[5.6, 97.3], [20.5, 105.7]]);
  }
  el.dataset.state = "ready";
  map.on("click", (e) => {
    lat.value = e.latlng.lat.toFixed(6);
    lng.value = e.latlng.lng.toFixed(6);
    source.value = "map";
    put(e.latlng.lat, e.latlng.lng);
  });
  for (const input of [lat, lng]) {
    input.addEventListener("input", () => {
      source.value = "typed";
      if (isFinite(parseFloat(lat.value)) && isFinite(parseFloat(lng.value))) put(parseFloat(lat.value), parseFloat(lng.value));
    });
  }
})();
