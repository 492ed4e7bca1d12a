// Citation.js reads a BibTeX, RIS or CSL-JSON file (stdin) and writes the works as CSL-JSON (stdout): how a citation manager
// built on it would see the exports.
"use strict";
const fs = require("fs");
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");

const format = process.argv[2]; // "@biblatex/text", "@ris/file" or "@csl/list+object"
const text = fs.readFileSync(0, "utf8");
const cite = new Cite(format.startsWith("@csl") ? JSON.parse(text) : text, { forceType: format });
process.stdout.write(JSON.stringify(cite.data));
