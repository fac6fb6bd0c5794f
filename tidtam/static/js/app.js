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
