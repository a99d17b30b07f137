// A table wider than the screen scrolls inside its box (Material wraps each table in
// .md-typeset__scrollwrap). A box that scrolls must be reachable by keyboard, or a reader
// without a mouse or touch screen never sees its right-hand columns (axe-core:
// scrollable-region-focusable). Each box that overflows now takes focus, with a name; one
// that fits gives it back, so it adds no useless stop to the tab order.
(function () {
  "use strict";
  var label = "__HUBSPOKE_TABLE_LABEL__";
  var pending = false;

  function mark() {
    pending = false;
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label);
        box.setAttribute("data-hs-scrolls", "");
      } else if (!scrolls && box.hasAttribute("data-hs-scrolls")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        box.removeAttribute("data-hs-scrolls");
      }
    }
  }

  function later() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(mark);
    }
  }

  // Material wraps the tables when the document is ready; these run after it.
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("load", mark);
  window.addEventListener("resize", later);
})();
