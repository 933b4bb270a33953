// Progressive enhancement only: every page works without this file (CSP: script-src 'self', no inline script).
(function () {
  "use strict";

  // Forms that ask before destructive actions: <form data-confirm="…">
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      e.preventDefault();
    }
  });

  // Selects that apply a filter at once: <select data-autosubmit>
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("select[data-autosubmit]")) {
      e.target.form.requestSubmit();
    }
  });

  // Drag and drop onto an upload form's zone: <div class="dropzone" data-input="id-of-file-input">
  document.querySelectorAll(".dropzone").forEach(function (zone) {
    var input = document.getElementById(zone.getAttribute("data-input"));
    var label = zone.querySelector("[data-filename]");
    if (!input) { return; }
    ["dragenter", "dragover"].forEach(function (n) {
      zone.addEventListener(n, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (n) {
      zone.addEventListener(n, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    input.addEventListener("change", function () {
      if (label) { label.textContent = input.files.length ? input.files[0].name : ""; }
    });
  });
})();
