/* Glossary: later occurrences of a term are plain text in the HTML; here they become focusable, so the keyboard
   reaches their card too. */
onStart(function () {
  Array.prototype.forEach.call(document.querySelectorAll("." + P + "term--quiet"), function (el) {
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.setAttribute("aria-expanded", "false");
    el.setAttribute("aria-describedby", P + "def-" + el.getAttribute("data-rdr-term"));
  });
});
