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

function button(key, onClick, labelKey) {
  var control = document.createElement("button");
  control.type = "button";
  control.className = P + "button";
  control.setAttribute("data-label", t(key));
  control.setAttribute("aria-label", t(labelKey || key));
  control.addEventListener("click", onClick);
  return control;
}

/* Printing an assignment link prints the passage alone; "Print whole section" prints all of it, the passage marked. */
function printing(what) {
  document.documentElement.setAttribute("data-" + P + "print", what);
}

function printSection() {
  printing("all");
  window.addEventListener("afterprint", function back() {
    window.removeEventListener("afterprint", back);
    if (document.querySelector("." + P + "assigned")) printing("range");
  });
  window.print();
}

/* The notice names the assigned paragraphs. Its words are drawn by the stylesheet (data-label) and announced from
   a live region at the end of the body: no text moves in the page before them. */
function notice(text, polite) {
  var old = document.querySelector("." + P + "assignment");
  if (old) old.remove();
  var article = document.querySelector("article");
  if (!article || !text) return;
  var box = document.createElement("div");
  box.className = P + "assignment" + (polite ? " " + P + "assignment--problem" : "");
  var words = document.createElement("span");
  words.className = P + "label";
  words.setAttribute("data-label", text);
  var controls = document.createElement("span");
  controls.className = P + "assignment__controls";
  if (!polite) {
    controls.appendChild(button("assignments.script.print_passage", function () { printing("range"); window.print(); }));
    controls.appendChild(button("assignments.script.print_section", printSection));
  }
  controls.appendChild(button("assignments.script.dismiss", function () { box.remove(); }, "assignments.script.dismiss_label"));
  box.appendChild(words);
  box.appendChild(controls);
  var title = article.querySelector("h1");
  if (title) title.insertAdjacentElement("afterend", box);
  else article.insertBefore(box, article.firstChild);
  announce(text);
}

/* What a passage's print leaves out: the paragraphs outside it with what stands before them (a figure, margin
   notes), the page's facts, and the end's items (questions, notes, terms) that are about none of its paragraphs. */
function markOutside(article) {
  var paragraphs = article.querySelectorAll("p." + P + "para");
  var last = paragraphs[paragraphs.length - 1];
  var next = null;
  var outside = function (el) { el.classList.add(P + "outside"); };
  // Material's instant navigation writes in-page links out in full: read them by their parts, not as written.
  var inRange = function (item) {
    return Array.prototype.some.call(item.querySelectorAll("a[href*='#']"), function (a) {
      var id = decodeURIComponent(a.hash.slice(1));
      if (!id) return false;
      var target = a.pathname === location.pathname && document.getElementById(id);
      if (target && target.classList.contains(P + "para")) return target.classList.contains(P + "assigned");
      return Array.prototype.some.call(article.querySelectorAll("p." + P + "assigned [data-" + P + "term]"), function (mark) {
        return mark.getAttribute("data-" + P + "term") === id;
      });
    });
  };
  var children = Array.prototype.slice.call(article.children);
  var after = children.indexOf(last);
  children.slice(0, after + 1).reverse().forEach(function (el) {
    if (el.matches("p." + P + "para")) next = el;
    else if (next && next !== paragraphs[0] && !next.classList.contains(P + "assigned")) outside(el);
    else if (next === paragraphs[0] && !next.classList.contains(P + "assigned") && el.matches("." + P + "aside-margin")) outside(el);
  });
  children.slice(after + 1).forEach(function (block) {
    var items = block.querySelectorAll("li, dt");
    var kept = 0;
    Array.prototype.forEach.call(items, function (item) {
      if (inRange(item)) { kept++; return; }
      outside(item);
      if (item.tagName === "DT" && item.nextElementSibling && item.nextElementSibling.tagName === "DD") outside(item.nextElementSibling);
    });
    if (!kept) outside(block);
  });
}

function showAssignment() {
  Array.prototype.forEach.call(document.querySelectorAll("." + P + "assigned, ." + P + "outside"), function (el) {
    el.classList.remove(P + "assigned", P + "outside");
  });
  document.documentElement.removeAttribute("data-" + P + "print");
  var hash = decodeURIComponent(location.hash.slice(1));
  if (!ASSIGNMENT.test(hash) || hash.indexOf("-") < 0 && hash.indexOf(",") < 0) {
    notice("");
    return;
  }
  var list = ranges(hash);
  var count = document.querySelectorAll("p." + P + "para").length;
  var missing = list.some(function (r) { return r[0] < 1 || r[1] > count; });
  if (missing) {
    notice(t("assignments.script.missing", { ranges: label(list), n: count }), true);
    return;
  }
  list.forEach(function (r) {
    for (var n = r[0]; n <= r[1]; n++) document.getElementById("p" + n).classList.add(P + "assigned");
  });
  notice(t("assignments.script.assigned", { ranges: label(list) }));
  markOutside(document.querySelector("article"));
  printing("range");
  var first = document.getElementById("p" + list[0][0]);
  first.scrollIntoView({ block: "start" });
  // Below the notice, which stays at the top of the screen: it must not cover the first assigned line.
  var box = document.querySelector("." + P + "assignment");
  var covered = box ? box.getBoundingClientRect().bottom + 8 - first.getBoundingClientRect().top : 0;
  if (covered > 0) window.scrollBy(0, -covered);
}

window.addEventListener("hashchange", showAssignment);

/* The instructors' page: choose sections and paragraphs, get the assignment links. */
function enhanceBuilder() {
  var form = document.querySelector("form[data-rdr-builder]");
  if (!form || form.__rdrReady) return;
  form.__rdrReady = true;
  var rows = form.querySelector("." + P + "builder__rows");
  var options = form.querySelector("template." + P + "builder__options").innerHTML;
  var result = form.querySelector("." + P + "builder__result");

  function field(row, name) { return row.querySelector("[data-field=" + name + "]"); }

  function renumber() {
    Array.prototype.forEach.call(rows.children, function (row, i) {
      field(row, "remove").setAttribute("aria-label", t("assignments.script.remove_label", { n: i + 1 }));
      field(row, "remove").hidden = rows.children.length === 1;
    });
  }

  function addRow() {
    var row = document.createElement("li");
    row.className = P + "builder__row";
    row.innerHTML =
      "<label>" + esc(t("assignments.script.section")) + ' <select data-field="section">' + options + "</select></label> " +
      "<label>" + esc(t("assignments.script.from")) + ' <input data-field="from" type="number" min="1" value="1" inputmode="numeric"></label> ' +
      "<label>" + esc(t("assignments.script.to")) + ' <input data-field="to" type="number" min="1" value="1" inputmode="numeric"></label> ' +
      '<button type="button" class="md-button ' + P + 'builder__remove" data-field="remove">' + esc(t("assignments.script.remove")) + "</button>";
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
        problems.push(t("assignments.script.range_problem", { n: i + 1, name: name, max: max }));
        return;
      }
      if (to < from) {
        problems.push(t("assignments.script.backwards", { n: i + 1 }));
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
      problem.className = P + "builder__problem";
      problem.textContent = found.problems.join(" ");
      result.appendChild(problem);
      return;
    }
    var title = document.createElement("p");
    title.textContent = t(found.sections.length === 1 ? "assignments.script.link_to_send" : "assignments.script.links_to_send");
    var list = document.createElement("ul");
    list.className = P + "builder__links";
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
      link.className = P + "builder__link";
      item.appendChild(name);
      item.appendChild(link);
      list.appendChild(item);
      copyButton(link, t("assignments.script.link_to", { what: entry.name + ", " + label(ranges) }));
    });
    result.appendChild(title);
    result.appendChild(list);
  }

  form.addEventListener("change", function (event) {
    var row = event.target.closest("." + P + "builder__row");
    if (row && event.target === field(row, "section")) limit(row);
    update();
  });
  form.addEventListener("input", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector("." + P + "builder__add").addEventListener("click", function () {
    var row = addRow();
    update();
    field(row, "section").focus();
  });
  addRow();
  form.hidden = false;
  update();
}

onStart(enhanceBuilder);
onStart(showAssignment);
