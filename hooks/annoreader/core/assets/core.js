/* The reader's core: its words, cards (a short hover, keyboard focus or a tap on a marked word or a note marker
   shows the card, above the word where there is no room below, as a sheet at the bottom of a phone's screen; Down
   enters the card's links, which Tab otherwise skips; Escape or a tap elsewhere closes it), focus given back to the
   word a reader left from, copy buttons, and the list of what each unit does on every page.
   Without this script every marked word and note marker is still a plain link. */
var P = "rdr-";
var starters = [];
var STRINGS = null;

function onStart(fn) {
  starters.push(fn);
}

function t(key, values) {
  if (STRINGS === null) {
    var node = document.getElementById(P + "strings");
    STRINGS = node ? JSON.parse(node.textContent) : {};
  }
  var text = STRINGS[key];
  if (text === undefined) return key;
  if (typeof text === "object") {
    var n = values && values.n;
    var one = STRINGS["core.script.zero_is_one"] ? n === 0 || n === 1 : n === 1;
    text = one ? text.one : text.other;
  }
  return String(text).replace(/\{([a-z_]+)\}/g, function (whole, name) {
    return values && values[name] !== undefined ? values[name] : whole;
  });
}

var CARDED = "[data-rdr-term]:not(." + P + "card), [data-rdr-note]:not(." + P + "card)";
var KINDS = ["data-rdr-term", "data-rdr-note"];
var popover = null;
var trigger = null;
var hideTimer = null;
var lastPointer = "mouse";
var refocusing = false; // focus handed back to the term by Escape must not reopen its card
var openTimer = null;
var OPEN_DELAY = 250; // ms a pointer rests on a word before its card opens: moving across the text opens nothing
var SHEET = "(max-width: 30em)"; // below this width a card is a sheet at the bottom of the screen
var RETURN = P + "return"; // sessionStorage: the word a reader followed a link from, to focus again on Back
var cameBack = false;

/* How the reader wants the text's terms marked: "first" (later mentions plain), "all", or "off". */
function marksMode() {
  var mode = document.documentElement.getAttribute("data-" + P + "marks");
  return mode === "all" || mode === "off" ? mode : "first";
}

function termOf(node) {
  var el = node && node.closest ? node.closest(CARDED) : null;
  if (!el || el.closest("." + P + "cards, ." + P + "popover")) return null;
  if (el.hasAttribute("data-rdr-term")) {
    var mode = marksMode();
    if (mode === "off" || (mode === "first" && el.classList.contains(P + "term--quiet"))) return null;
  }
  return el;
}

function inPopover(node) {
  return !!(popover && node && popover.contains(node));
}

function cardFor(el) {
  var cards = document.querySelectorAll("." + P + "cards ." + P + "card");
  for (var k = 0; k < KINDS.length; k++) {
    var id = el.getAttribute(KINDS[k]);
    if (id === null) continue;
    for (var i = 0; i < cards.length; i++) {
      if (cards[i].getAttribute(KINDS[k]) === id) return cards[i];
    }
  }
  return null;
}

function place() {
  if (!popover || !trigger) return;
  var sheet = window.matchMedia(SHEET).matches;
  popover.classList.toggle(P + "popover--sheet", sheet);
  if (sheet) {
    popover.style.left = popover.style.top = "";
    // keep the word in sight above the sheet
    var hidden = trigger.getBoundingClientRect().bottom - (window.innerHeight - popover.offsetHeight) + 12;
    if (hidden > 0) window.scrollBy(0, hidden);
    return;
  }
  var box = trigger.getBoundingClientRect();
  var parent = popover.offsetParent ? popover.offsetParent.getBoundingClientRect() : { left: 0, top: 0 };
  var width = popover.offsetWidth;
  var height = popover.offsetHeight;
  var viewport = document.documentElement.clientWidth;
  var left = Math.max(8, Math.min(box.left, viewport - width - 8));
  var below = window.innerHeight - box.bottom;
  var above = box.top > below && below < height + 16; // no room below, more above: open upwards
  popover.classList.toggle(P + "popover--above", above);
  popover.style.left = left - parent.left + "px";
  popover.style.top = (above ? box.top - height - 10 : box.bottom + 10) - parent.top + "px";
  // the pointer stands over the start of the word (its first line, if it wraps)
  var first = trigger.getClientRects()[0] || box;
  var x = Math.max(12, Math.min(width - 12, first.left + Math.min(first.width, 48) / 2 - left));
  popover.style.setProperty("--rdr-pointer", x + "px");
}

function open(el) {
  cancelHide();
  if (trigger === el) return;
  close(false);
  var card = cardFor(el);
  if (!card) return;
  popover = document.createElement("span");
  popover.className = P + "popover";
  popover.setAttribute("role", "group");
  popover.setAttribute("aria-label", t("core.script.definition", { name: card.getAttribute("data-rdr-name") }));
  popover.innerHTML = card.innerHTML;
  Array.prototype.forEach.call(popover.querySelectorAll("[id]"), function (n) {
    n.removeAttribute("id");
  });
  // Out of the tab order until the reader enters the card (Down): Tab goes on to the next word of the text.
  Array.prototype.forEach.call(popover.querySelectorAll("a, button"), function (n) {
    n.tabIndex = -1;
  });
  el.insertAdjacentElement("afterend", popover);
  trigger = el;
  el.setAttribute("aria-expanded", "true");
  place();
}

function enter() {
  var links = popover ? popover.querySelectorAll("a, button") : [];
  if (!links.length) return false;
  Array.prototype.forEach.call(links, function (n) {
    n.tabIndex = 0;
  });
  links[0].focus();
  return true;
}

function close(returnFocus) {
  cancelHide();
  cancelOpen();
  if (!popover) return;
  var was = trigger;
  popover.remove();
  popover = null;
  trigger = null;
  if (was) {
    was.setAttribute("aria-expanded", "false");
    was.removeAttribute("data-rdr-tapped");
    if (returnFocus) {
      refocusing = true;
      was.focus();
      refocusing = false;
    }
  }
}

function scheduleHide() {
  cancelHide();
  hideTimer = window.setTimeout(function () {
    close(false);
  }, 300);
}

function cancelHide() {
  if (hideTimer) window.clearTimeout(hideTimer);
  hideTimer = null;
}

function cancelOpen() {
  if (openTimer) window.clearTimeout(openTimer);
  openTimer = null;
}

/* What can take focus in the text, in order: where a reader's place is kept between pages. */
function places() {
  return Array.prototype.slice.call(document.querySelectorAll("article a[href], article [data-rdr-term][tabindex]"));
}

function remember(el) {
  var i = places().indexOf(el);
  try {
    if (i >= 0) window.sessionStorage.setItem(RETURN, JSON.stringify({ page: location.pathname, i: i }));
  } catch (err) { /* storage off: Back lands at the top, as without the script */ }
}

/* Back to a page: focus the word the reader left it from, where the browser has put the page back. */
function giveFocusBack() {
  if (!cameBack) return;
  cameBack = false;
  var saved = null;
  try {
    saved = JSON.parse(window.sessionStorage.getItem(RETURN) || "null");
  } catch (err) { return; }
  if (!saved || saved.page !== location.pathname) return;
  var el = places()[saved.i];
  if (!el) return;
  refocusing = true;
  el.focus({ preventScroll: true });
  refocusing = false;
}

window.addEventListener("popstate", function () {
  cameBack = true;
});
window.addEventListener("pageshow", function (e) {
  var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  if (e.persisted || (nav && nav.type === "back_forward")) {
    cameBack = true;
    giveFocusBack();
  }
});

/* After an instant navigation to a link with a fragment (a glossary entry, a paragraph), make sure the
   target is in view: on a busy machine the swap can finish after the theme's own scroll. */
function revealTarget() {
  if (!location.hash) return;
  var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  var box = target.getBoundingClientRect();
  if (box.bottom < 0 || box.top > window.innerHeight) target.scrollIntoView();
}

onStart(function () {
  close(false);
  window.requestAnimationFrame(revealTarget);
  giveFocusBack();
  Array.prototype.forEach.call(document.querySelectorAll("a[data-rdr-term], a[data-rdr-note]"), function (el) {
    if (!el.closest("." + P + "cards")) el.setAttribute("aria-expanded", "false");
  });
});

document.addEventListener("mouseover", function (e) {
  var el = termOf(e.target);
  if (el && el === trigger) cancelHide();
  else if (el) {
    cancelOpen();
    openTimer = window.setTimeout(function () {
      openTimer = null;
      open(el);
    }, OPEN_DELAY);
  } else if (inPopover(e.target)) cancelHide();
});

document.addEventListener("mouseout", function (e) {
  var to = e.relatedTarget;
  if (openTimer && termOf(e.target) && termOf(to) !== termOf(e.target)) cancelOpen();
  if (!popover) return;
  if ((termOf(e.target) === trigger || inPopover(e.target)) && !(termOf(to) === trigger || inPopover(to))) {
    scheduleHide();
  }
});

document.addEventListener("focusin", function (e) {
  var el = termOf(e.target);
  if (el && !refocusing) open(el);
  else if (inPopover(e.target)) cancelHide();
});

document.addEventListener("focusout", function (e) {
  if (!popover) return;
  var to = e.relatedTarget;
  if (!(termOf(to) === trigger || inPopover(to))) scheduleHide();
});

document.addEventListener("pointerdown", function (e) {
  lastPointer = e.pointerType || "mouse";
  if (popover && termOf(e.target) !== trigger && !inPopover(e.target)) close(false);
});

document.addEventListener("click", function (e) {
  var link = e.target.closest ? e.target.closest("a[href]") : null;
  if (link && marksMode() === "off" && link.hasAttribute("data-rdr-term")) {
    e.preventDefault(); // plain reading: a term is text, not a way off the page
    e.stopPropagation();
    return;
  }
  if (link && inPopover(link)) remember(trigger);
  else if (link && link.closest("article")) remember(link);
  var el = termOf(e.target);
  if (!el) return;
  var touch = lastPointer === "touch" || lastPointer === "pen";
  // A tap first shows the card (hover does not exist on touch); a second tap on the term follows the link.
  if (touch && !(trigger === el && popover && el.hasAttribute("data-rdr-tapped"))) {
    e.preventDefault();
    e.stopPropagation(); // before Material's instant navigation, which listens further down
    open(el);
    el.setAttribute("data-rdr-tapped", "");
    return;
  }
  if (el.tagName !== "A") {
    e.preventDefault();
    if (trigger === el) close(false);
    else open(el);
  }
}, true);

document.addEventListener("keydown", function (e) {
  if (e.key === "Escape" && popover) {
    var focusWasInside = inPopover(document.activeElement) || document.activeElement === trigger;
    close(focusWasInside);
    return;
  }
  if (e.key === "ArrowDown" && popover && termOf(e.target) === trigger && enter()) {
    e.preventDefault();
    return;
  }
  var el = termOf(e.target);
  if (el && el.tagName !== "A" && (e.key === "Enter" || e.key === " ")) {
    e.preventDefault();
    if (trigger === el) close(false);
    else open(el);
  }
});

window.addEventListener("resize", place);

/* A copy button: `button` copies `source`, as its text and, unless it is a <pre> (BibTeX, RIS), as HTML too, so a
   word processor keeps a citation's italics. Its label is drawn by the stylesheet from data-label (no text in the
   page), and says data-done for a moment once done. Focus stays on the button. */
function wireCopy(button, source) {
  if (button.__rdrWired) return;
  button.__rdrWired = true;
  button.hidden = false;
  var label = button.getAttribute("data-label");
  button.addEventListener("click", function () {
    var done = function () {
      button.setAttribute("data-label", button.getAttribute("data-done") || label);
      window.setTimeout(function () { button.setAttribute("data-label", label); }, 2000);
    };
    copy(source).then(done, function () { selectText(source); });
  });
}

function copy(source) {
  var text = source.textContent;
  var clipboard = window.isSecureContext && navigator.clipboard;
  if (!clipboard) return Promise.reject(new Error("no clipboard"));
  if (source.tagName === "PRE" || typeof ClipboardItem === "undefined" || !clipboard.write) return clipboard.writeText(text);
  var item = new ClipboardItem({
    "text/html": new Blob([source.innerHTML], { type: "text/html" }),
    "text/plain": new Blob([text], { type: "text/plain" }),
  });
  return clipboard.write([item]).catch(function () { return clipboard.writeText(text); });
}

/* A copy button made by the script, after `node`. */
function copyButton(node, what) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = P + "copy";
  button.setAttribute("data-label", t("core.script.copy"));
  button.setAttribute("data-done", t("core.script.copied"));
  button.setAttribute("aria-label", t("core.script.copy_what", { what: what }));
  node.insertAdjacentElement("afterend", button);
  wireCopy(button, node);
}

function selectText(node) {
  var range = document.createRange();
  range.selectNodeContents(node);
  var selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

function esc(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* Says something to screen readers from a live region at the end of the body, where added words move no text
   that the exported positions count. */
function announce(text) {
  var region = document.getElementById(P + "announce");
  if (!region) {
    region = document.createElement("div");
    region.id = P + "announce";
    region.className = P + "sr";
    region.setAttribute("role", "status");
    document.body.appendChild(region);
  }
  region.textContent = "";
  window.setTimeout(function () { region.textContent = text; }, 50);
}
