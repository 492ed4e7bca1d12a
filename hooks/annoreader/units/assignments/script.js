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
  var button = document.createElement("button");
  button.type = "button";
  button.className = P + "button";
  button.setAttribute("data-label", t("assignments.script.dismiss"));
  button.setAttribute("aria-label", t("assignments.script.dismiss_label"));
  button.addEventListener("click", function () { box.remove(); });
  box.appendChild(words);
  box.appendChild(button);
  var title = article.querySelector("h1");
  if (title) title.insertAdjacentElement("afterend", box);
  else article.insertBefore(box, article.firstChild);
  announce(text);
}

function showAssignment() {
  Array.prototype.forEach.call(document.querySelectorAll("." + P + "assigned"), function (el) {
    el.classList.remove(P + "assigned");
  });
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
  document.getElementById("p" + list[0][0]).scrollIntoView({ block: "start" });
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
