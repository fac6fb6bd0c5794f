// The citizen's questionnaire: how far along one is, and answers kept on this device until sent
// (leave and come back to the same link to go on). The thank-you page forgets them.
(function () {
  const form = document.getElementById("survey-form");
  const done = document.querySelector("[data-survey-sent]");
  if (done) {
    try { localStorage.removeItem("tidtam-survey-" + done.dataset.surveySent); } catch (e) { /* private mode */ }
    return;
  }
  if (!form) return;
  const key = "tidtam-survey-" + form.dataset.token;
  const questions = [...form.querySelectorAll(".q")];
  const bar = document.getElementById("survey-progress");
  function answered(q) { return !!q.querySelector("input:checked"); }
  function update() {
    const n = questions.filter(answered).length;
    if (bar) {
      bar.querySelector(".count").textContent = `${n} จาก ${questions.length}`;
      bar.querySelector(".fill").style.width = `${questions.length ? (100 * n) / questions.length : 0}%`;
    }
    for (const q of questions) q.classList.toggle("q-done", answered(q));
  }
  function save() {
    const data = {};
    for (const input of form.querySelectorAll("input[type=radio]:checked")) data[input.name] = input.value;
    try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or off */ }
  }
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { saved = {}; }
  let restored = 0;
  for (const [name, value] of Object.entries(saved)) {
    const group = form.querySelectorAll(`input[type=radio][name="${CSS.escape(name)}"]`);
    if ([...group].some((i) => i.checked)) continue; // what the server sent back wins
    const input = [...group].find((i) => i.value === value);
    if (input) { input.checked = true; restored += 1; }
  }
  const note = document.getElementById("survey-restored");
  if (note && restored) { note.hidden = false; note.querySelector(".n").textContent = restored; }
  form.addEventListener("change", () => { save(); update(); });
  const later = document.getElementById("survey-later");
  if (later) later.addEventListener("click", () => {
    save();
    const msg = document.getElementById("survey-later-note");
    if (msg) msg.hidden = false;
  });
  update();
})();
