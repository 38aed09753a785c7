// The ribbon command's result dialog: shows the message it was opened with, as text (never HTML).
const m = new URLSearchParams(window.location.search).get("m") ?? "";
const el = document.getElementById("m");
if (el) el.textContent = m;
