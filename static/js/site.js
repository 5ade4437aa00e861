// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Main menu toggle for small screens. The CSS folds the menu before this runs; without
  // JavaScript the link .menu-fallback opens it (:target). Here the button, with its
  // aria-expanded state and Escape, takes the link's place, at the same size.
  var toggle = document.querySelector(".menu-toggle");
  var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!toggle || !nav) return;
  var fallback = document.querySelector(".menu-fallback");
  // A visitor quicker than the script may have opened the menu with the link already.
  var openedByLink = nav.matches(":target");
  if (fallback) fallback.hidden = true;
  toggle.hidden = false;
  nav.classList.add("site-nav--toggled");
  if (openedByLink) setOpen(true);

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  }

  // A <button>: Enter, Space, click and touch all arrive here as "click".
  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });

  // Escape closes the menu and returns focus to the toggle.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });

  // Growing past the small-screen layout resets the menu.
  var wide = window.matchMedia("(min-width: 52.01rem)");
  var reset = function () { if (wide.matches) setOpen(false); };
  if (wide.addEventListener) wide.addEventListener("change", reset);
})();

// Move focus to the error summary of a form that came back with errors.
(function () {
  var summary = document.getElementById("form-errors");
  if (summary) summary.focus();
})();
