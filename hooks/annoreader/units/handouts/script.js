/* Handouts: the printed margins follow the page the reader is on (Material's instant navigation keeps the first
   page's head) and the range it shows; the block at the top says when it was printed. */
function cssString(text) {
  return '"' + String(text).replace(/["\\<>\n\r\f\u0000-\u001f\u007f]/g, function (c) {
    return "\\" + c.charCodeAt(0).toString(16).toUpperCase() + " ";
  }) + '"';
}

function runningHead() {
  var style = document.getElementById(P + "running-live");
  if (!style) {
    style = document.createElement("style");
    style.id = P + "running-live";
    style.media = "print";
    document.head.appendChild(style);
  }
  var address = location.host + location.pathname + location.hash;
  style.textContent = "@page { @top-left { content: " + cssString(document.title) + "; } @bottom-left { content: " + cssString(address) + "; } }";
}

function printedOn() {
  var date = new Date().toLocaleDateString(document.documentElement.lang || undefined, { day: "numeric", month: "long", year: "numeric" });
  Array.prototype.forEach.call(document.querySelectorAll("." + P + "handout__printed"), function (el) {
    el.setAttribute("data-label", t("handouts.script.printed", { date: date }));
  });
}

onStart(function () {
  runningHead();
  printedOn();
});
window.addEventListener("hashchange", runningHead);
window.addEventListener("beforeprint", function () {
  runningHead();
  printedOn();
});
