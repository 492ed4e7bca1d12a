/* Cards: hover, keyboard focus or a tap on a term or a note marker shows its definition or its note; Escape or a
   tap elsewhere closes it. Without this script every linked term and note marker is still a plain link. */
(function () {
  "use strict";

  var TERM = "[data-bmd-term]:not(.bmd-card), [data-bmd-note]:not(.bmd-card)";
  var KINDS = ["data-bmd-term", "data-bmd-note"];
  var popover = null;
  var trigger = null;
  var hideTimer = null;
  var lastPointer = "mouse";
  var refocusing = false; // focus handed back to the term by Escape must not reopen its card

  function termOf(node) {
    var el = node && node.closest ? node.closest(TERM) : null;
    return el && !el.closest(".bmd-cards, .bmd-popover") ? el : null;
  }

  function inPopover(node) {
    return !!(popover && node && popover.contains(node));
  }

  function cardFor(el) {
    var cards = document.querySelectorAll(".bmd-cards .bmd-card");
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
    var t = trigger.getBoundingClientRect();
    var parent = popover.offsetParent ? popover.offsetParent.getBoundingClientRect() : { left: 0, top: 0 };
    var width = popover.offsetWidth;
    var viewport = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(t.left, viewport - width - 8));
    popover.style.left = left - parent.left + "px";
    popover.style.top = t.bottom - parent.top + 6 + "px";
  }

  function open(el) {
    cancelHide();
    if (trigger === el) return;
    close(false);
    var card = cardFor(el);
    if (!card) return;
    popover = document.createElement("span");
    popover.className = "bmd-popover";
    popover.setAttribute("role", "group");
    popover.setAttribute("aria-label", "Definition: " + card.getAttribute("data-bmd-name"));
    popover.innerHTML = card.innerHTML;
    Array.prototype.forEach.call(popover.querySelectorAll("[id]"), function (n) {
      n.removeAttribute("id");
    });
    // Right after the term, so Tab moves from the term into the card's link.
    el.insertAdjacentElement("afterend", popover);
    trigger = el;
    el.setAttribute("aria-expanded", "true");
    place();
  }

  function close(returnFocus) {
    cancelHide();
    if (!popover) return;
    var was = trigger;
    popover.remove();
    popover = null;
    trigger = null;
    if (was) {
      was.setAttribute("aria-expanded", "false");
      was.removeAttribute("data-bmd-tapped");
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

  /* After an instant navigation to a link with a fragment (a glossary entry, a paragraph), make sure the
     target is in view: on a busy machine the swap can finish after the theme's own scroll. */
  function revealTarget() {
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    var box = target.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) target.scrollIntoView();
  }

  /* Later occurrences are plain text in the HTML; here they become focusable so the keyboard reaches their card. */
  function enhance() {
    close(false);
    window.requestAnimationFrame(revealTarget);
    Array.prototype.forEach.call(document.querySelectorAll(".bmd-term--quiet"), function (el) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "button");
      el.setAttribute("aria-expanded", "false");
      el.setAttribute("aria-describedby", "bmd-def-" + el.getAttribute("data-bmd-term"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("a.bmd-term, .bmd-note-ref a"), function (el) {
      el.setAttribute("aria-expanded", "false");
    });
  }

  document.addEventListener("mouseover", function (e) {
    var el = termOf(e.target);
    if (el) open(el);
    else if (inPopover(e.target)) cancelHide();
  });

  document.addEventListener("mouseout", function (e) {
    if (!popover) return;
    var to = e.relatedTarget;
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
    var el = termOf(e.target);
    if (!el) return;
    var touch = lastPointer === "touch" || lastPointer === "pen";
    // A tap first shows the card (hover does not exist on touch); a second tap on the term follows the link.
    if (touch && !(trigger === el && popover && el.hasAttribute("data-bmd-tapped"))) {
      e.preventDefault();
      e.stopPropagation(); // before Material's instant navigation, which listens further down
      open(el);
      el.setAttribute("data-bmd-tapped", "");
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
    var el = termOf(e.target);
    if (el && el.tagName !== "A" && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      if (trigger === el) close(false);
      else open(el);
    }
  });

  window.addEventListener("resize", place);

  /* "Cite this": copy buttons, and a cite button by each paragraph number that fills the panel for that paragraph. */
  function copyButton(pre, what) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "bmd-copy";
    button.textContent = "Copy";
    var label = pre.closest("dd") && pre.closest("dd").previousElementSibling;
    button.setAttribute("aria-label", "Copy " + (what || (label ? label.textContent : "citation")));
    button.addEventListener("click", function () {
      var done = function () {
        button.textContent = "Copied";
        window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(pre.textContent).then(done, function () { selectText(pre); });
      } else {
        selectText(pre);
      }
    });
    pre.insertAdjacentElement("afterend", button);
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function citeParagraph(panel, number) {
    var template = panel.querySelector("template.bmd-cite__paragraph");
    var body = panel.querySelector(".bmd-cite__current");
    if (!template || !body) return;
    body.innerHTML = template.innerHTML.split("@P@").join(number);
    Array.prototype.forEach.call(body.querySelectorAll("pre"), function (pre) { copyButton(pre); });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "bmd-cite__whole";
    reset.textContent = "Cite the whole section instead";
    reset.addEventListener("click", function () { showSection(panel); panel.querySelector("summary").focus(); });
    body.appendChild(reset);
    panel.open = true;
    panel.scrollIntoView({ block: "start" });
    panel.querySelector("summary").focus();
  }

  function showSection(panel) {
    var body = panel.querySelector(".bmd-cite__current");
    body.innerHTML = "";
    body.appendChild(panel.__bmdSection.cloneNode(true));
    Array.prototype.forEach.call(body.querySelectorAll("pre"), function (pre) { copyButton(pre); });
  }

  function enhanceCite() {
    var panel = document.querySelector("details.bmd-cite");
    if (!panel || panel.querySelector(".bmd-cite__current")) return;
    var current = document.createElement("div");
    current.className = "bmd-cite__current";
    var section = document.createDocumentFragment();
    Array.prototype.slice.call(panel.children).forEach(function (child) {
      if (child.tagName !== "SUMMARY" && child.tagName !== "TEMPLATE") section.appendChild(child);
    });
    panel.__bmdSection = section;
    panel.insertBefore(current, panel.querySelector("template"));
    showSection(panel);
    Array.prototype.forEach.call(document.querySelectorAll(".bmd-pnum"), function (pnum) {
      var number = pnum.parentNode.id.slice(1); // the paragraph is p4: Material may rewrite the link itself
      var button = document.createElement("button");
      button.type = "button";
      button.className = "bmd-cite-paragraph";
      button.textContent = "cite";
      button.setAttribute("aria-label", "Cite paragraph " + number);
      button.addEventListener("click", function () { citeParagraph(panel, number); });
      pnum.insertAdjacentElement("afterend", button);
    });
  }

  /* Assignment links: #p4-p7 (or #p2,p4-p7) highlights those paragraphs and says so in a notice. */
  var ASSIGNMENT = /^p(\d+)(?:-p?(\d+))?(?:,p(\d+)(?:-p?(\d+))?)*$/;

  function ranges(hash) {
    return hash.split(",").map(function (part) {
      var m = /^p?(\d+)(?:-p?(\d+))?$/.exec(part);
      var from = parseInt(m[1], 10);
      var to = m[2] ? parseInt(m[2], 10) : from;
      return from <= to ? [from, to] : [to, from];
    });
  }

  function label(list) {
    return list.map(function (r) { return r[0] === r[1] ? "¶" + r[0] : "¶" + r[0] + "–" + r[1]; }).join(", ");
  }

  function notice(text, polite) {
    var old = document.querySelector(".bmd-assignment");
    if (old) old.remove();
    var article = document.querySelector("article");
    if (!article || !text) return;
    var box = document.createElement("div");
    box.className = "bmd-assignment" + (polite ? " bmd-assignment--problem" : "");
    box.setAttribute("role", "status");
    var p = document.createElement("p");
    p.textContent = text;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Dismiss";
    button.setAttribute("aria-label", "Dismiss this notice");
    button.addEventListener("click", function () { box.remove(); });
    box.appendChild(p);
    box.appendChild(button);
    var title = article.querySelector("h1");
    if (title) title.insertAdjacentElement("afterend", box);
    else article.insertBefore(box, article.firstChild);
  }

  function showAssignment() {
    Array.prototype.forEach.call(document.querySelectorAll(".bmd-assigned"), function (el) {
      el.classList.remove("bmd-assigned");
    });
    var hash = decodeURIComponent(location.hash.slice(1));
    if (!ASSIGNMENT.test(hash) || hash.indexOf("-") < 0 && hash.indexOf(",") < 0) {
      notice("");
      return;
    }
    var list = ranges(hash);
    var count = document.querySelectorAll("p.bmd-para").length;
    var missing = list.some(function (r) { return r[0] < 1 || r[1] > count; });
    if (missing) {
      notice("This link assigns " + label(list) + ", but this section has " + count + " paragraph" + (count === 1 ? "" : "s") + ". Check the link with whoever gave it to you.", true);
      return;
    }
    list.forEach(function (r) {
      for (var n = r[0]; n <= r[1]; n++) document.getElementById("p" + n).classList.add("bmd-assigned");
    });
    notice("Assigned: " + label(list));
    document.getElementById("p" + list[0][0]).scrollIntoView({ block: "start" });
  }

  window.addEventListener("hashchange", showAssignment);

  /* The instructors' page: choose sections and paragraphs, get the assignment links. */
  function enhanceBuilder() {
    var form = document.querySelector("form[data-bmd-builder]");
    if (!form || form.__bmdReady) return;
    form.__bmdReady = true;
    var rows = form.querySelector(".bmd-builder__rows");
    var options = form.querySelector("template.bmd-builder__options").innerHTML;
    var result = form.querySelector(".bmd-builder__result");

    function field(row, name) { return row.querySelector("[data-field=" + name + "]"); }

    function renumber() {
      Array.prototype.forEach.call(rows.children, function (row, i) {
        field(row, "remove").setAttribute("aria-label", "Remove passage " + (i + 1));
        field(row, "remove").hidden = rows.children.length === 1;
      });
    }

    function addRow() {
      var row = document.createElement("li");
      row.className = "bmd-builder__row";
      row.innerHTML =
        '<label>Section <select data-field="section">' + options + "</select></label> " +
        '<label>from ¶ <input data-field="from" type="number" min="1" value="1" inputmode="numeric"></label> ' +
        '<label>to ¶ <input data-field="to" type="number" min="1" value="1" inputmode="numeric"></label> ' +
        '<button type="button" class="md-button bmd-builder__remove" data-field="remove">Remove</button>';
      field(row, "remove").addEventListener("click", function () {
        row.remove();
        renumber();
        update();
        field(rows.lastElementChild, "section").focus();
      });
      rows.appendChild(row);
      renumber();
      limit(row);
      return row;
    }

    function limit(row) {
      // A newly chosen section is assigned whole until the numbers are changed.
      var max = field(row, "section").selectedOptions[0].getAttribute("data-paragraphs");
      field(row, "from").max = max;
      field(row, "to").max = max;
      field(row, "from").value = 1;
      field(row, "to").value = max;
    }

    function collect() {
      var bySection = [];
      var problems = [];
      Array.prototype.forEach.call(rows.children, function (row, i) {
        var select = field(row, "section");
        var option = select.selectedOptions[0];
        var max = parseInt(option.getAttribute("data-paragraphs"), 10);
        var from = parseInt(field(row, "from").value, 10);
        var to = parseInt(field(row, "to").value, 10);
        var name = option.textContent.replace(/ \(.*\)$/, "");
        if (!(from >= 1 && to >= 1 && from <= max && to <= max)) {
          problems.push("Passage " + (i + 1) + ": " + name + " has paragraphs 1 to " + max + ".");
          return;
        }
        if (to < from) {
          problems.push("Passage " + (i + 1) + ": the last paragraph comes before the first.");
          return;
        }
        var entry = bySection.filter(function (e) { return e.url === select.value; })[0];
        if (!entry) bySection.push(entry = { url: select.value, name: name, ranges: [] });
        entry.ranges.push([from, to]);
      });
      return { sections: bySection, problems: problems };
    }

    function merged(list) {
      list.sort(function (a, b) { return a[0] - b[0]; });
      var out = [];
      list.forEach(function (r) {
        var last = out[out.length - 1];
        if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
        else out.push([r[0], r[1]]);
      });
      return out;
    }

    var shown = null;

    function update() {
      var found = collect();
      // Leaving a field fires "change": redrawing the same links then would swallow a click on one of them.
      var state = JSON.stringify(found);
      if (state === shown) return;
      shown = state;
      result.innerHTML = "";
      if (found.problems.length) {
        var problem = document.createElement("p");
        problem.className = "bmd-builder__problem";
        problem.textContent = found.problems.join(" ");
        result.appendChild(problem);
        return;
      }
      var title = document.createElement("p");
      title.textContent = found.sections.length === 1 ? "The link to send:" : "The links to send, one per section:";
      var list = document.createElement("ul");
      list.className = "bmd-builder__links";
      found.sections.forEach(function (entry) {
        var ranges = merged(entry.ranges);
        var hash = ranges.map(function (r) { return "p" + r[0] + "-p" + r[1]; }).join(",");
        var href = new URL(form.getAttribute("data-base") + entry.url + "#" + hash, location.href).href;
        var item = document.createElement("li");
        var name = document.createElement("span");
        name.textContent = entry.name + ", " + label(ranges) + ": ";
        var link = document.createElement("a");
        link.href = href;
        link.textContent = href;
        link.className = "bmd-builder__link";
        item.appendChild(name);
        item.appendChild(link);
        list.appendChild(item);
        copyButton(link, "the link to " + entry.name + ", " + label(ranges));
      });
      result.appendChild(title);
      result.appendChild(list);
    }

    form.addEventListener("change", function (event) {
      var row = event.target.closest(".bmd-builder__row");
      if (row && event.target === field(row, "section")) limit(row);
      update();
    });
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".bmd-builder__add").addEventListener("click", function () {
      var row = addRow();
      update();
      field(row, "section").focus();
    });
    addRow();
    form.hidden = false;
    update();
  }

  function start() {
    enhance();
    enhanceCite();
    enhanceBuilder();
    showAssignment();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); // Material's instant navigation swaps the page without a reload
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
