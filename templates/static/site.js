/* Optional: the site works without this file. */
(function () {
  "use strict";
  var menus = document.querySelectorAll("details.languages");
  // Close the language menu on click or focus outside, or on Escape.
  function closeOutside(e) {
    menus.forEach(function (d) { if (!d.contains(e.target)) d.open = false; });
  }
  document.addEventListener("click", closeOutside);
  document.addEventListener("focusin", closeOutside);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") menus.forEach(function (d) {
      if (d.open && d.contains(document.activeElement)) d.querySelector("summary").focus();
      d.open = false;
    });
  });
  // A table wider than the screen scrolls: let the keyboard reach it.
  function tables() {
    document.querySelectorAll(".table-wrap").forEach(function (w) {
      if (w.scrollWidth > w.clientWidth + 1) w.tabIndex = 0;
      else w.removeAttribute("tabindex");
    });
  }
  tables();
  addEventListener("resize", tables);
})();
