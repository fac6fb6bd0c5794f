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
// <select data-autosubmit> submits its form on change; <form data-confirm="…"> asks before submitting.
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches && el.matches("select[data-autosubmit]") && el.form) el.form.requestSubmit();
});
document.addEventListener("submit", (event) => {
  const message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
}, true);
