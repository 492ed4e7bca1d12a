/* "Cite this": copy buttons, and a cite button by each paragraph number that fills the panel for that paragraph. */
function citeParagraph(panel, number) {
  var template = panel.querySelector("template." + P + "cite__paragraph");
  var body = panel.querySelector("." + P + "cite__current");
  if (!template || !body) return;
  body.innerHTML = template.innerHTML.split("@P@").join(number);
  Array.prototype.forEach.call(body.querySelectorAll("pre"), function (pre) { copyButton(pre); });
  var reset = document.createElement("button");
  reset.type = "button";
  reset.className = P + "cite__whole " + P + "button";
  reset.textContent = t("citing.script.whole_instead");
  reset.addEventListener("click", function () { showSection(panel); panel.querySelector("summary").focus(); });
  body.appendChild(reset);
  panel.open = true;
  panel.scrollIntoView({ block: "start" });
  panel.querySelector("summary").focus();
}

function showSection(panel) {
  var body = panel.querySelector("." + P + "cite__current");
  body.innerHTML = "";
  body.appendChild(panel.__rdrSection.cloneNode(true));
  Array.prototype.forEach.call(body.querySelectorAll("pre"), function (pre) { copyButton(pre); });
}

onStart(function () {
  var panel = document.querySelector("details." + P + "cite");
  if (!panel || panel.querySelector("." + P + "cite__current")) return;
  var current = document.createElement("div");
  current.className = P + "cite__current";
  var section = document.createDocumentFragment();
  Array.prototype.slice.call(panel.children).forEach(function (child) {
    if (child.tagName !== "SUMMARY" && child.tagName !== "TEMPLATE") section.appendChild(child);
  });
  panel.__rdrSection = section;
  panel.insertBefore(current, panel.querySelector("template"));
  showSection(panel);
  Array.prototype.forEach.call(document.querySelectorAll("." + P + "pnum"), function (pnum) {
    var number = pnum.parentNode.id.slice(1); // the paragraph is p4: Material may rewrite the link itself
    var button = document.createElement("button");
    button.type = "button";
    button.className = P + "cite-paragraph " + P + "button";
    button.textContent = t("citing.script.cite");
    button.setAttribute("aria-label", t("citing.script.cite_label", { n: number }));
    button.addEventListener("click", function () { citeParagraph(panel, number); });
    pnum.insertAdjacentElement("afterend", button);
  });
});
