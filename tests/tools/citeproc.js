// The reference CSL processor, citeproc-js: formats the items read from stdin in a CSL style, as plain text.
// In: {"style": path, "locale": path, "items": [CSL-JSON], "cites": [{"id", "locator"?, "label"?}]}
// Out: {"bibliography": {id: entry}, "citations": [text, one per cite]}
"use strict";
const fs = require("fs");
const CSL = require("citeproc");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const items = Object.fromEntries(input.items.map((item) => [item.id, item]));
const locale = fs.readFileSync(input.locale, "utf8");
const system = { retrieveLocale: () => locale, retrieveItem: (id) => items[id] };

function engine() {
  const e = new CSL.Engine(system, fs.readFileSync(input.style, "utf8"), "en-US");
  e.setOutputFormat("text");
  return e;
}

const bibliography = {};
for (const id of Object.keys(items)) {
  // One item at a time, as the reader formats them: no disambiguation against the others.
  const e = engine();
  e.updateItems([id]);
  const [, entries] = e.makeBibliography();
  bibliography[id] = entries.join("").trim();
}
const citations = input.cites.map((cite) => {
  const e = engine();
  e.updateItems([cite.id]);
  return e.makeCitationCluster([{ id: cite.id, locator: cite.locator, label: cite.label }]);
});
process.stdout.write(JSON.stringify({ bibliography, citations }));
