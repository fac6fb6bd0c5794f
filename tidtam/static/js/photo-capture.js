/* Photo upload from a phone on the project page.
   "ถ่ายภาพ" (camera): the phone's position is asked for at capture and sent with the time; the
   photo is scaled down in the browser first (a slow connection sends ~0.5 MB, not 5 MB).
   "เลือกภาพที่มีอยู่": the file is sent as it is, so the server reads its own EXIF position/time.
   The upload retries with the same key after a network failure (the server keeps one copy),
   waiting for the connection to come back when the phone is offline. */
(function () {
  "use strict";
  const form = document.getElementById("photo-form");
  if (!form) return;
  const status = document.getElementById("photo-status");
  const MAX_EDGE = Number(form.dataset.maxEdge || 2560);
  const say = (text) => { status.textContent = text; };

  function key() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }

  function position() {
    return new Promise((resolve) => {
      if (!navigator.geolocation) return resolve(null);
      navigator.geolocation.getCurrentPosition(
        (p) => resolve(p.coords),
        () => resolve(null),
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
      );
    });
  }

  async function shrink(file) {
    if (file.size < 1200000 || !window.createImageBitmap) return file;
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
      const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((r) => canvas.toBlob(r, "image/jpeg", 0.85));
      return blob && blob.size < file.size ? blob : file;
    } catch (e) {
      return file;
    }
  }

  function send(body, attempt) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) say("กำลังส่งภาพ " + Math.round((e.loaded / e.total) * 100) + "%" + (attempt ? " (ครั้งที่ " + (attempt + 1) + ")" : ""));
      };
      xhr.onload = () => {
        let data = {};
        try { data = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        if (xhr.status >= 200 && xhr.status < 300) resolve(data);
        else if (xhr.status >= 400 && xhr.status < 500) reject({ final: true, message: data.error || "ส่งภาพไม่สำเร็จ" });
        else reject({ final: false });
      };
      xhr.onerror = () => reject({ final: false });
      xhr.send(body);
    });
  }

  const online = () => navigator.onLine === false
    ? new Promise((r) => window.addEventListener("online", r, { once: true }))
    : Promise.resolve();
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));

  async function upload(file, camera) {
    const takenAt = camera ? new Date().toISOString() : "";
    const coords = camera ? (say("กำลังหาตำแหน่งจากโทรศัพท์…"), await position()) : null;
    const blob = camera ? await shrink(file) : file;
    const body = new FormData(form);
    body.delete("photo");
    body.append("photo", blob, file.name || "photo.jpg");
    body.set("client_key", key());
    body.set("taken_at", takenAt);
    body.set("latitude", coords ? coords.latitude.toFixed(6) : "");
    body.set("longitude", coords ? coords.longitude.toFixed(6) : "");
    body.set("accuracy", coords ? String(Math.round(coords.accuracy)) : "");
    if (camera && !coords) say("ไม่ได้รับตำแหน่งจากโทรศัพท์ ภาพจะถูกบันทึกโดยไม่มีตำแหน่ง");
    for (let attempt = 0; attempt < 8; attempt++) {
      await online();
      try {
        const data = await send(body, attempt);
        say(data.message || "บันทึกภาพแล้ว");
        form.dataset.state = "done";
        setTimeout(() => window.location.reload(), 700);
        return;
      } catch (err) {
        if (err.final) { say(err.message); form.dataset.state = "error"; return; }
        say("สัญญาณไม่ดี กำลังลองส่งใหม่…");
        await wait(Math.min(30000, 1000 * 2 ** attempt));
      }
    }
    say("ส่งภาพไม่สำเร็จ กรุณาลองใหม่เมื่อสัญญาณดีขึ้น");
    form.dataset.state = "error";
  }

  for (const [id, camera] of [["photo-camera", true], ["photo-file", false]]) {
    const input = document.getElementById(id);
    if (!input) continue;
    input.addEventListener("change", () => {
      if (input.files && input.files[0]) {
        form.dataset.state = "sending";
        upload(input.files[0], camera).finally(() => { input.value = ""; });
      }
    });
  }
})();
