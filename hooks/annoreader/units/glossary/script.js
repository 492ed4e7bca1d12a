/* Glossary: how the text's terms are marked, as the reader chose (remembered): the first mention in each section
   (later ones plain), every mention (later ones become focusable, so the keyboard reaches their card too), or
   none, for plain reading. */
var MARKS_KEY = P + "marks";

function applyMarks(mode) {
  document.documentElement.setAttribute("data-" + P + "marks", mode);
  Array.prototype.forEach.call(document.querySelectorAll("." + P + "term--quiet"), function (el) {
    if (mode === "all") {
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "button");
      el.setAttribute("aria-expanded", "false");
      el.setAttribute("aria-describedby", P + "def-" + el.getAttribute("data-rdr-term"));
    } else {
      ["tabindex", "role", "aria-expanded", "aria-describedby"].forEach(function (name) {
        el.removeAttribute(name);
      });
    }
  });
  // with marks off a term is text: out of the tab order, no card, no description
  Array.prototype.forEach.call(document.querySelectorAll("a." + P + "term"), function (el) {
    if (mode === "off") {
      el.setAttribute("tabindex", "-1");
      el.removeAttribute("aria-describedby");
    } else {
      el.removeAttribute("tabindex");
      el.setAttribute("aria-describedby", P + "def-" + el.getAttribute("data-rdr-term"));
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[name="' + P + 'marks"]'), function (input) {
    input.checked = input.value === mode;
  });
}

onStart(function () {
  applyMarks(marksMode());
});

document.addEventListener("change", function (e) {
  if (e.target.name !== P + "marks") return;
  try {
    window.localStorage.setItem(MARKS_KEY, e.target.value);
  } catch (err) { /* storage off: the choice holds on this page only */ }
  applyMarks(e.target.value);
});
