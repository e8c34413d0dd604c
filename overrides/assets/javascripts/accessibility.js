/*
 * axe `scrollable-region-focusable` (WCAG 2.1.1 Keyboard): Material wraps every table in
 * .md-typeset__scrollwrap (overflow-x: auto), so a table wider than a phone screen scrolls
 * sideways, but only code blocks are made focusable: keyboard users cannot scroll the table.
 * Make each wrapper that really scrolls focusable (tabindex 0) and name it as a region.
 * Loaded after Material's bundle (overrides/main.html); runs on every page Material shows and
 * again when the window is resized (a table may start or stop scrolling).
 */
(function () {
  "use strict";

  function label(wrap) {
    var caption = wrap.querySelector("caption");
    var text = caption ? caption.textContent.trim() : "";
    return text ? "Tabel: " + text : "Tabel";
  }

  function update() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }

  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 100);
  });
  if (window.document$) {
    window.document$.subscribe(update); // Material's "page shown" event (also instant navigation)
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
})();
