// Behaviour the templates ask for with data- attributes (no inline handlers: the CSP forbids them).
//   <form data-confirm="…">        asks before submitting
//   <select data-autosubmit>        submits its form when changed
//   <select data-navigate>          goes to the chosen option's value (a URL of our own)
document.addEventListener("submit", (e) => {
  const form = e.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) e.preventDefault();
}, true);
document.addEventListener("change", (e) => {
  const el = e.target;
  if (el.matches("select[data-autosubmit]") && el.form) el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
  if (el.matches("select[data-navigate]") && el.value.startsWith("/")) window.location.href = el.value;
});

// The header menu: one group open at a time (details name="menu"); a click elsewhere or Escape closes it.
document.addEventListener("click", (event) => {
  for (const open of document.querySelectorAll("nav.menu details[open]")) {
    if (!open.contains(event.target)) open.removeAttribute("open");
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const open of document.querySelectorAll("nav.menu details[open]")) open.removeAttribute("open");
});
// <select data-filter-by="id_of_parent_select">: only the options whose data-parent is the parent's
// value are shown (a กลยุทธ์ list follows the ยุทธศาสตร์ chosen); a choice that no longer fits is cleared.
function filterChildren(child) {
  const parent = document.getElementById(child.dataset.filterBy);
  if (!parent) return;
  for (const option of child.options) {
    const fits = !option.dataset.parent || option.dataset.parent === parent.value;
    option.hidden = !fits;
    option.disabled = !fits;
  }
  const chosen = child.options[child.selectedIndex];
  if (chosen && chosen.disabled) child.value = "";
}
document.addEventListener("DOMContentLoaded", () => {
  for (const child of document.querySelectorAll("select[data-filter-by]")) {
    filterChildren(child);
    const parent = document.getElementById(child.dataset.filterBy);
    if (parent) parent.addEventListener("change", () => filterChildren(child));
  }
});

// ---- Saving rows with htmx (monthly entry): never lose what was typed ----
function csrfCookie() {
  const found = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  return found ? decodeURIComponent(found.split("=")[1]) : "";
}
// After signing in again in another tab the CSRF token changes: send the current one.
document.addEventListener("htmx:configRequest", (event) => {
  const token = csrfCookie();
  if (!token) return;
  event.detail.headers["X-CSRFToken"] = token;
  if (event.detail.verb !== "get") event.detail.parameters.csrfmiddlewaretoken = token;
});
function rowOf(event) {
  const form = event.detail.elt;
  const id = form && form.getAttribute && form.getAttribute("hx-target");
  return id ? document.querySelector(id) : null;
}
function rowError(row, text, loginLink) {
  if (!row) return;
  row.classList.add("row-error");
  row.classList.remove("row-ok");
  let note = row.querySelector(".row-note");
  if (!note) {
    note = document.createElement("div");
    row.querySelector("td").appendChild(note);
  }
  note.className = "row-note error";
  note.setAttribute("role", "alert");
  note.textContent = text + " ";
  if (loginLink) {
    const a = document.createElement("a");
    a.href = loginLink;
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = "เข้าสู่ระบบใหม่ (หน้าต่างใหม่)";
    note.appendChild(a);
  }
}
document.addEventListener("htmx:responseError", (event) => {
  const status = event.detail.xhr.status;
  const row = rowOf(event);
  if (status === 401) {
    rowError(row, "หมดเวลาการเข้าระบบ ข้อมูลที่พิมพ์ยังไม่ถูกบันทึกและยังอยู่ในแถวนี้ — เข้าสู่ระบบใหม่แล้วกด “บันทึก” อีกครั้ง", document.body.dataset.login || "/login/");
  } else if (status === 403) {
    rowError(row, "บันทึกไม่ได้: ไม่มีสิทธิ์หรือหน้านี้เปิดไว้นานเกินไป — ข้อมูลที่พิมพ์ยังอยู่ ลองกด “บันทึก” อีกครั้ง หรือเปิดหน้าใหม่");
  } else {
    rowError(row, `บันทึกไม่สำเร็จ (ระบบขัดข้อง รหัส ${status}) ข้อมูลที่พิมพ์ยังอยู่ ลองกด “บันทึก” อีกครั้ง`);
  }
});
document.addEventListener("htmx:sendError", (event) => {
  rowError(rowOf(event), "ไม่มีการเชื่อมต่ออินเทอร์เน็ต ข้อมูลที่พิมพ์ยังไม่ถูกบันทึกและยังอยู่ในแถวนี้ — เมื่อเชื่อมต่อได้แล้วกด “บันทึก” อีกครั้ง");
});

// ---- Unsaved changes: warn before leaving, never show typed values as if saved ----
const dirty = new Set();
document.addEventListener("input", (event) => {
  const el = event.target;
  const formId = el.getAttribute && el.getAttribute("form");
  const form = formId ? document.getElementById(formId) : el.form;
  if (!form) return;
  if (form.hasAttribute("hx-post") || form.hasAttribute("data-warn-unsaved")) {
    dirty.add(form.id || form);
    const row = form.getAttribute("hx-target") && document.querySelector(form.getAttribute("hx-target"));
    if (row) row.classList.add("row-dirty");
  }
});
document.addEventListener("htmx:afterRequest", (event) => {
  if (event.detail.successful) {
    const form = event.detail.elt;
    dirty.delete(form.id || form);
  }
});
document.addEventListener("submit", (event) => {
  if (!event.defaultPrevented) dirty.delete(event.target.id || event.target);
});
window.addEventListener("beforeunload", (event) => {
  if (dirty.size) {
    event.preventDefault();
    event.returnValue = "";
  }
});
// Back/forward from the page cache would show typed, unsaved values as if saved: load it anew.
window.addEventListener("pageshow", (event) => {
  if (event.persisted && document.querySelector("[data-fresh-on-back]")) window.location.reload();
});

// <input data-filter-select="id_of_select">: typing narrows a long <select> to the options whose
// text holds every typed word (name, number, รหัส); the first match is chosen.
document.addEventListener("input", (event) => {
  const box = event.target;
  if (!box.dataset || !box.dataset.filterSelect) return;
  const select = document.getElementById(box.dataset.filterSelect);
  if (!select) return;
  const words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  let first = null;
  for (const option of select.querySelectorAll("option")) {
    if (!option.value) continue;
    const text = option.textContent.toLowerCase();
    const fits = words.every((w) => text.includes(w));
    option.hidden = !fits;
    if (fits && !first) first = option;
  }
  for (const group of select.querySelectorAll("optgroup")) {
    group.hidden = ![...group.querySelectorAll("option")].some((o) => !o.hidden);
  }
  if (words.length && first) select.value = first.value;
});
