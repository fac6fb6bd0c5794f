/* The project map (officer, province, public). Reads its settings from data-* attributes of
   #map: data-src (GeoJSON URL), data-tiles (tile URL template; empty = no tiles, the points are
   drawn over the province outline), data-attribution. A <form id="map-filters"> next to it
   refetches on change. Text from the data is only ever set with textContent. */
(function () {
  "use strict";
  const el = document.getElementById("map");
  if (!el || !window.L) return;
  const THAILAND = [[5.6, 97.3], [20.5, 105.7]];
  const map = L.map(el, { preferCanvas: true, zoomSnap: 0.5 });
  map.fitBounds(THAILAND);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution || "" }).addTo(map);
  }
  const outlineLayer = L.layerGroup().addTo(map);
  const linkLayer = L.layerGroup().addTo(map);
  const pointLayer = L.layerGroup().addTo(map);
  const summary = document.getElementById("map-summary");
  const form = document.getElementById("map-filters");
  const money = (v) => Number(v).toLocaleString("th-TH", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function node(tag, text, cls) {
    const n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = text;
    if (cls) n.className = cls;
    return n;
  }

  let orgs = {}, statuses = {}, urlTemplate = "", photoTemplate = "", detailTemplate = "", codes = [];
  const fill = (t, p, photo) => t.replace("{0}", encodeURIComponent(p.org)).replace("{1}", p.project_id).replace("{2}", photo);
  const linkOf = (p) => p.url || (urlTemplate ? fill(urlTemplate, p, "") : "");
  const photoOf = (p) => p.photo || (photoTemplate && p.photo_id ? fill(photoTemplate, p, p.photo_id) : "");
  // the map's own data is slim (props.s: status index, props.o: org index; details on click);
  // open data (the public map) carries every property in the feature
  const colourOf = (p) => {
    if (p.s !== undefined) return (statuses[p.s] || [0, 0, "#555"])[2];
    const st = statuses[p.status];
    return st ? st[1] : (p.colour || "#555");
  };

  // A popup keeps clear of the map's top edge (its title is never cut off) and pans again once its
  // photo has loaded and made it taller.
  const POPUP = { autoPanPaddingTopLeft: L.point(20, 40), autoPanPaddingBottomRight: L.point(20, 20) };

  function popup(p, pop) {
    const box = node("div", null, "map-popup");
    const url = linkOf(p), photo = photoOf(p);
    const title = node(url ? "a" : "strong", p.name);
    if (url) title.href = url;
    box.appendChild(title);
    if (orgs[p.org]) box.appendChild(node("div", orgs[p.org], "muted"));
    box.appendChild(node("div", (p.status_label || (statuses[p.status] || [p.status])[0]) + " · ความก้าวหน้า " + p.progress + "%"));
    box.appendChild(node("div", "งบประมาณ " + money(p.budget) + " บาท · เบิกจ่าย " + money(p.disbursed) + " บาท"));
    if (p.place) box.appendChild(node("div", p.place, "muted"));
    if (photo) {
      const img = node("img");
      img.src = photo;
      img.alt = "ภาพถ่ายล่าสุดของโครงการ";
      img.className = "map-thumb";
      if (pop) img.addEventListener("load", () => { if (pop.isOpen()) pop.update(); });
      box.appendChild(img);
    }
    box.appendChild(node("div", "ภาพถ่าย " + p.photos + " ภาพ (หลังดำเนินการ " + p.after_photos + ")", "muted"));
    return box;
  }

  // The works as one canvas layer, each a copy of its status colour's marker: no Leaflet layer per
  // marker (adding 7,622 circle markers took a third of a second; this draws them in a few ms,
  // docs/performance.md). A click opens the nearest work within the marker's radius.
  const R = 7;
  const sprites = new Map();
  function sprite(colour, ratio) {  // one marker drawn once per colour, then copied: fast to paint
    const key = colour + "@" + ratio;
    if (!sprites.has(key)) {
      const c = document.createElement("canvas"), d = (R + 2) * 2;
      c.width = c.height = d * ratio;
      const ctx = c.getContext("2d");
      ctx.scale(ratio, ratio);
      ctx.beginPath();
      ctx.arc(d / 2, d / 2, R, 0, 2 * Math.PI);
      ctx.globalAlpha = 0.95;
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "#fff";
      ctx.stroke();
      sprites.set(key, c);
    }
    return sprites.get(key);
  }
  const Points = L.Layer.extend({
    initialize(items) { this.items = items; },
    onAdd(m) {
      this._canvas = L.DomUtil.create("canvas", "map-points leaflet-zoom-hide");
      this._canvas.style.pointerEvents = "none";
      m.getPane("overlayPane").appendChild(this._canvas);
      m.on("moveend zoomend resize viewreset", this.redraw, this);
      this.redraw();
    },
    onRemove(m) {
      m.off("moveend zoomend resize viewreset", this.redraw, this);
      L.DomUtil.remove(this._canvas);
    },
    redraw() {
      const m = this._map, size = m.getSize(), ratio = window.devicePixelRatio || 1, c = this._canvas;
      c.width = size.x * ratio;
      c.height = size.y * ratio;
      c.style.width = size.x + "px";
      c.style.height = size.y + "px";
      L.DomUtil.setPosition(c, m.containerPointToLayerPoint([0, 0]));
      const ctx = c.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const byColour = new Map();
      for (const it of this.items) {
        const p = m.latLngToContainerPoint(it.at);
        it.x = p.x;
        it.y = p.y;
        if (p.x < -R || p.y < -R || p.x > size.x + R || p.y > size.y + R) continue;
        if (!byColour.has(it.colour)) byColour.set(it.colour, []);
        byColour.get(it.colour).push(p);
      }
      for (const [colour, pts] of byColour) {
        const dot = sprite(colour, ratio), d = (R + 2) * 2;
        for (const p of pts) ctx.drawImage(dot, p.x - R - 2, p.y - R - 2, d, d);
      }
    },
    nearest(pt) {  // the work drawn last under the point (the one on top)
      let hit = null;
      for (const it of this.items) {
        const dx = it.x - pt.x, dy = it.y - pt.y;
        if (dx * dx + dy * dy <= (R + 1) * (R + 1)) hit = it;
      }
      return hit;
    },
  });
  let points = null;
  map.on("click", (e) => {
    const it = points && points.nearest(e.containerPoint);
    if (it) openDetail(it);
  });
  map.on("mousemove", (e) => {
    el.classList.toggle("map-over-point", Boolean(points && points.nearest(e.containerPoint)));
  });

  function openDetail(it) {
    const p = it.props;
    const pop = L.popup(POPUP).setLatLng(it.at);
    if (!detailTemplate || p.name) {
      pop.setContent(popup(p, pop)).openOn(map);
      return;
    }
    const box = node("div", "กำลังโหลด…", "map-popup");
    pop.setContent(box).openOn(map);
    const url = detailTemplate.replace("{0}", encodeURIComponent(codes[p.o] || "")).replace("{1}", it.fid);
    fetch(url, { credentials: "same-origin" })
      .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then((d) => { it.props = d; pop.setContent(popup(d, pop)); })
      .catch(() => { box.textContent = "โหลดรายละเอียดไม่สำเร็จ"; });
  }

  function draw(data) {
    orgs = data.orgs || {};
    statuses = data.statuses || {};
    codes = data.org_codes || [];
    detailTemplate = data.detail_template || "";
    urlTemplate = data.url_template || "";
    photoTemplate = data.photo_template || "";
    outlineLayer.clearLayers();
    linkLayer.clearLayers();
    pointLayer.clearLayers();
    points = null;
    if (data.outline) {
      L.geoJSON(data.outline, { style: { color: "#345", weight: 2, fillColor: "#dfe8ef", fillOpacity: 0.35, dashArray: data.outline.properties && data.outline.properties.derived ? "6 4" : null }, interactive: false }).addTo(outlineLayer);
    }
    const bounds = [];
    const items = [];
    for (const f of data.features) {
      if (!f.geometry) continue;
      if (f.geometry.type === "LineString") {
        const [a, b] = f.geometry.coordinates;
        const line = L.polyline([[a[1], a[0]], [b[1], b[0]]], { color: "#8e24aa", weight: 3, dashArray: "4 4", className: "dup-link" });
        const box = node("div", null, "map-popup");
        box.appendChild(node("strong", "อาจซ้ำซ้อน (คะแนน " + f.properties.score + ")"));
        box.appendChild(node("div", f.properties.a + " — " + f.properties.a_org));
        box.appendChild(node("div", f.properties.b + " — " + f.properties.b_org));
        line.bindPopup(box);
        line.addTo(linkLayer);
        continue;
      }
      const [lng, lat] = f.geometry.coordinates;
      items.push({ at: L.latLng(lat, lng), colour: colourOf(f.properties), props: f.properties, fid: f.id });
      bounds.push([lat, lng]);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15, animate: false });
    else if (data.outline) map.fitBounds(L.geoJSON(data.outline).getBounds(), { animate: false });
    points = new Points(items).addTo(pointLayer);
    el.dataset.markers = String(bounds.length);
    if (summary) {
      summary.textContent = "แสดง " + bounds.length.toLocaleString("th-TH") + " โครงการบนแผนที่ จาก " +
        data.total.toLocaleString("th-TH") + " โครงการ" + (data.unlocated ? " (ยังไม่ระบุที่ตั้ง " + data.unlocated.toLocaleString("th-TH") + " โครงการ)" : "");
    }
  }

  let first = el.dataset.first;  // the URL the page preloads: asked for exactly, once
  function load() {
    if (first) {
      const url = new URL(first, window.location.href);
      first = "";
      return fetchData(url);
    }
    const url = new URL(el.dataset.src, window.location.href);
    const page = new URLSearchParams(window.location.search);
    if (form) {
      for (const [k, v] of new FormData(form)) {
        page.delete(k);
        if (v) { url.searchParams.set(k, v); page.set(k, v); }
      }
    }
    fetchData(url);
    if (form && window.history.replaceState) window.history.replaceState(null, "", "?" + page);
  }

  function fetchData(url) {
    el.dataset.state = "loading";
    // mode and credentials as the preload link's (crossorigin=anonymous): the preloaded answer
    fetch(url, { mode: "cors", credentials: "same-origin" })
      .then((r) => { if (!r.ok) throw new Error(r.status); el.dataset.tHeaders = Math.round(performance.now()); return r.json(); })
      .then((data) => {
        el.dataset.tParsed = Math.round(performance.now());
        draw(data);
        el.dataset.tLayers = Math.round(performance.now());
        // ready once the canvas is painted: Leaflet redraws in the next animation frame, first
        requestAnimationFrame(() => { el.dataset.tDrawn = Math.round(performance.now()); el.dataset.state = "ready"; });
      })
      .catch(() => { el.dataset.state = "error"; if (summary) summary.textContent = "โหลดข้อมูลแผนที่ไม่สำเร็จ ลองใหม่อีกครั้ง"; });
  }

  if (form) {
    form.addEventListener("change", load);
    form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  }
  load();
})();
