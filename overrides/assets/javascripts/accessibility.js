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

/*
 * WCAG 2.1.1 Keyboard: on a narrow screen Material's header buttons for the menu and for search
 * are <label>s of hidden checkboxes. A finger or mouse can use them; the Tab key cannot reach
 * them. Put a real <button> before each one that takes its icon and hands every click on to the
 * label, which stays (hidden): the label toggles its checkbox, and Material's own scripts, which
 * watch the checkboxes and the label (search puts the cursor in its field), go on working.
 * aria-expanded follows the checkbox. The icon's role="img" and aria-label
 * (overrides/partials/header.html) name the button. Without JavaScript the labels stay as they are.
 */
(function () {
  "use strict";

  var labels = document.querySelectorAll("label.md-header__button[for]");
  for (var i = 0; i < labels.length; i++) {
    var label = labels[i];
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle) continue;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    // Material's narrow-screen rules select [for=__drawer] / [for=__search]; accessibility.css repeats them for this.
    button.setAttribute("data-ekd-toggle", label.htmlFor);
    button.setAttribute("aria-controls", label.htmlFor);
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    button.addEventListener("click", label.click.bind(label));
    toggle.addEventListener("change", function (button, toggle) {
      button.setAttribute("aria-expanded", String(toggle.checked));
    }.bind(null, button, toggle));
    label.hidden = true;
    label.before(button);
  }
})();
