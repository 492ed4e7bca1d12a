/* "Cite this": copy buttons in the section's panel; a paragraph's "cite" opens its citations beside it. The
   paragraph's citations are put at the end of the page's body, so that no text moves in the page before them. */
var citePopover = null;
var citeControl = null;

function closeCite(returnFocus) {
  if (!citePopover) return;
  citePopover.remove();
  citePopover = null;
  if (citeControl) {
    citeControl.setAttribute("aria-expanded", "false");
    if (returnFocus) citeControl.focus();
  }
  citeControl = null;
}

/* Right under the control, over the paragraph's first lines and aligned with its text: beside what is cited, not at
   its end, which may be screens away. */
function placeCite(popover, control) {
  var paragraph = control.closest("p") || control;
  var box = paragraph.getBoundingClientRect();
  var under = control.getBoundingClientRect();
  var width = Math.min(popover.offsetWidth, document.documentElement.clientWidth - 16);
  var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  popover.style.left = left + window.scrollX + "px";
  popover.style.top = under.bottom + window.scrollY + 4 + "px";
}

function openCite(control) {
  var panel = document.querySelector("details." + P + "cite");
  var template = panel && panel.querySelector("template." + P + "cite__paragraph");
  if (!template) return false;
  closeCite(false);
  var number = control.getAttribute("data-rdr-cite");
  var offset = parseInt(panel.getAttribute("data-rdr-offset"), 10) || 0;
  var popover = document.createElement("div");
  popover.className = P + "surface " + P + "cite-popover";
  popover.setAttribute("role", "dialog");
  popover.setAttribute("aria-label", t("citing.script.heading", { n: number }));
  popover.tabIndex = -1;
  popover.innerHTML = template.innerHTML.split("@P@").join(number).split("@G@").join(String(offset + parseInt(number, 10)));
  var close = document.createElement("button");
  close.type = "button";
  close.className = P + "button " + P + "cite-popover__close";
  close.setAttribute("data-label", t("citing.script.close"));
  close.setAttribute("aria-label", t("citing.script.close"));
  close.addEventListener("click", function () { closeCite(true); });
  popover.insertBefore(close, popover.firstChild);
  Array.prototype.forEach.call(popover.querySelectorAll("button." + P + "copy"), function (button) {
    wireCopy(button, button.previousElementSibling);
  });
  document.body.appendChild(popover);
  citePopover = popover;
  citeControl = control;
  control.setAttribute("aria-expanded", "true");
  placeCite(popover, control);
  popover.focus({ preventScroll: true });
  if (popover.getBoundingClientRect().bottom > window.innerHeight) popover.scrollIntoView({ block: "nearest" });
  return true;
}

document.addEventListener("click", function (e) {
  var control = e.target.closest && e.target.closest("a[data-rdr-cite]");
  if (control) {
    if (openCite(control)) {
      e.preventDefault();
      e.stopPropagation(); // before Material's instant navigation, which would follow the link
    }
    return;
  }
  if (citePopover && !citePopover.contains(e.target)) closeCite(false);
}, true);

document.addEventListener("keydown", function (e) {
  if (e.key === "Escape" && citePopover) closeCite(true);
});

onStart(function () {
  closeCite(false);
  Array.prototype.forEach.call(document.querySelectorAll("details." + P + "cite button." + P + "copy"), function (button) {
    wireCopy(button, button.previousElementSibling);
  });
  Array.prototype.forEach.call(document.querySelectorAll("a[data-rdr-cite]"), function (control) {
    control.setAttribute("aria-haspopup", "dialog");
    control.setAttribute("aria-expanded", "false");
  });
});
