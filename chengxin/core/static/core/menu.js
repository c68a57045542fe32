// The top bar's menus, without a framework. Below 900 px, or whenever the bar
// would not fit on one row, the main navigation folds behind the "Menu" button
// (class "folded"); without JavaScript it simply wraps, so nothing is ever out of
// reach. Open drop-down menus close on a click elsewhere or on Escape.
(function () {
  "use strict";
  var NARROW = window.matchMedia("(max-width: 899px)");
  var bar = document.querySelector(".topbar");
  if (!bar) return;
  var brand = bar.querySelector(".brand");
  var toggle = bar.querySelector(".menu-toggle");
  var nav = bar.querySelector("nav");
  var end = bar.querySelector(".topbar-end");
  var more = bar.querySelector("details.more");
  if (!toggle || !nav) return;

  function setOpen(open) {
    bar.classList.toggle("nav-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function wraps() {
    var row = brand.getBoundingClientRect();
    return [nav, end].some(function (el) {
      return el && el.getBoundingClientRect().top >= row.bottom - 1;
    });
  }

  function fit() {
    bar.classList.remove("folded");
    toggle.hidden = true;
    var folded = NARROW.matches || wraps();
    bar.classList.toggle("folded", folded);
    toggle.hidden = !folded;
    if (more) more.open = folded; // folded, every link is listed; wide, "More" drops down
    if (!folded) setOpen(false);
  }

  toggle.addEventListener("click", function () {
    setOpen(!bar.classList.contains("nav-open"));
  });
  document.addEventListener("click", function (event) {
    bar.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (menu === more && bar.classList.contains("folded")) return;
      if (!menu.contains(event.target)) menu.open = false;
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    bar.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (menu === more && bar.classList.contains("folded")) return;
      menu.open = false;
      menu.querySelector("summary").focus();
    });
    if (bar.classList.contains("nav-open")) {
      setOpen(false);
      toggle.focus();
    }
  });
  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      fit();
    });
  });
  fit();
})();
