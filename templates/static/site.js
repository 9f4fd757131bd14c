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
  // A one-language download says so at the start of its copy of this file:
  // its links to other languages' pages would lead nowhere.
  // Only as that file sets it: an element a page names so is no setting.
  var holds = window.fieldguideHolds;
  if (holds && typeof holds.lang === "string") document.querySelectorAll("a[hreflang]").forEach(function (a) {
    if (a.hreflang === holds.lang) return;
    a.removeAttribute("href");
    a.setAttribute("aria-disabled", "true");
    a.title = holds.note;
  });
  // A table or code wider than the screen scrolls: let the keyboard reach it.
  function tables() {
    document.querySelectorAll(".table-wrap, pre.code-block").forEach(function (w) {
      if (w.scrollWidth > w.clientWidth + 1) w.tabIndex = 0;
      else w.removeAttribute("tabindex");
    });
  }
  tables();
  addEventListener("resize", tables);
  // Offline reading (sites with `offline: true`), over http(s) only.
  var root = document.documentElement.getAttribute("data-offline");
  if (root !== null && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(root + "sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      if (reg.active) reg.active.postMessage({ lang: document.documentElement.lang });
    }).catch(function () { /* offline reading is a bonus */ });
  }
  // Checklists: real checkboxes, so mouse, touch and keyboard all work.
  // Ticks are stored on the device only if the publication opted in.
  var list = document.querySelector("[data-checklist]");
  if (list) {
    var remember = list.getAttribute("data-checklist") === "remember";
    var key = "fieldguide-checklist:" + location.pathname + "#";
    var boxes = list.querySelectorAll("input.task");
    var store = function (f) { try { f(window.localStorage); } catch (e) { /* storage blocked */ } };
    boxes.forEach(function (b) {
      if (remember) store(function (s) { var v = s.getItem(key + b.id); if (v !== null) b.checked = v === "1"; });
      b.addEventListener("change", function () {
        if (remember) store(function (s) { s.setItem(key + b.id, b.checked ? "1" : "0"); });
      });
    });
    var clear = document.querySelector(".checklist-clear");
    if (clear) {
      clear.hidden = false;
      clear.addEventListener("click", function () {
        boxes.forEach(function (b) {
          b.checked = false;
          store(function (s) { s.removeItem(key + b.id); });
        });
      });
    }
  }
})();
