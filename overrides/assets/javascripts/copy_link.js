/*
 * Share a section: a visible "Kopieer link" button after every section heading (h2 with an
 * id) in the page's content, and a "Kopieer adres" button for every address marked
 * data-ekd-kopieer (the feed addresses on /wijzigingen/volgen/, rendered hidden: without
 * JavaScript they stay hidden and the address is plain text to select).
 * A click copies the address and says so twice: on the button ("Link gekopieerd") and in a
 * live region a screen reader announces. Where the browser refuses the clipboard, the button
 * says so and, for a section, puts its address in the address bar to copy from there.
 * A file of its own, not an inline script: the Content-Security-Policy allows only the
 * site's own files and the hashes of Material's inline scripts.
 */
(function () {
  "use strict";

  var DONE = "Link gekopieerd";
  var FAILED = "Kopiëren lukt niet";
  var SHOWN_MS = 3000;
  var status;

  function liveRegion() {
    if (!status) {
      status = document.createElement("p");
      status.className = "ekd-sr";
      status.setAttribute("role", "status");
      status.id = "ekd-kopieer-melding";
      document.body.appendChild(status);
    }
    return status;
  }

  function announce(text) {
    var region = liveRegion();
    region.textContent = "";
    // A fresh text node after a pause, so the same message is announced again on a second click.
    setTimeout(function () { region.textContent = text; }, 50);
  }

  function fallbackCopy(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "ekd-kopieer-veld";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    field.remove();
    return copied;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; },
                                                      function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function addressOf(id) {
    return location.origin + location.pathname + location.search + "#" + encodeURIComponent(id);
  }

  function feedback(button, text) {
    var label = button.querySelector(".ekd-kopieer__tekst");
    var original = button.getAttribute("data-ekd-tekst");
    label.textContent = text;
    clearTimeout(button._ekdTimer);
    button._ekdTimer = setTimeout(function () { label.textContent = original; }, SHOWN_MS);
  }

  function onClick(button, address, name, anchor) {
    button.addEventListener("click", function () {
      copy(address()).then(function (copied) {
        if (copied) {
          feedback(button, DONE);
          announce(DONE + ": " + name);
        } else {
          feedback(button, FAILED);
          if (anchor) {
            history.replaceState(null, "", "#" + encodeURIComponent(anchor));
            announce(FAILED + ". Het adres van dit onderdeel staat nu in de adresbalk.");
          } else {
            announce(FAILED + ". Selecteer het adres en kopieer het zelf.");
          }
        }
      });
    });
  }

  function makeButton(text, hiddenText) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ekd-kopieer";
    button.setAttribute("data-ekd-tekst", text);
    var label = document.createElement("span");
    label.className = "ekd-kopieer__tekst";
    label.textContent = text;
    button.appendChild(label);
    if (hiddenText) {
      var more = document.createElement("span");
      more.className = "ekd-sr";
      more.textContent = " " + hiddenText;
      button.appendChild(more);
    }
    return button;
  }

  function headingName(heading) {
    var copy = heading.cloneNode(true);
    var links = copy.querySelectorAll(".headerlink");
    for (var i = 0; i < links.length; i++) links[i].remove();
    return copy.textContent.trim().replace(/\s+/g, " ");
  }

  function sections() {
    var headings = document.querySelectorAll(".md-content article h2[id]");
    for (var i = 0; i < headings.length; i++) {
      var heading = headings[i];
      if (heading.nextElementSibling && heading.nextElementSibling.classList.contains("ekd-kopieer")) continue;
      var name = headingName(heading);
      var button = makeButton("Kopieer link", "naar " + name);
      onClick(button, addressOf.bind(null, heading.id), name, heading.id);
      heading.after(button);
    }
  }

  function addresses() {
    var buttons = document.querySelectorAll("button[data-ekd-kopieer]");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      if (!button.hidden) continue;
      var address = button.getAttribute("data-ekd-kopieer");
      onClick(button, function (address) { return address; }.bind(null, address),
              button.getAttribute("data-ekd-naam") || address, null);
      button.hidden = false;
    }
  }

  function init() {
    liveRegion();
    sections();
    addresses();
  }

  if (window.document$) {
    window.document$.subscribe(init); // Material's "page shown" event
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
