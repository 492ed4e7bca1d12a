// Citation.js reads a BibTeX or RIS file (stdin) and writes the works as CSL-JSON (stdout): how a citation manager
// built on it would see the exports.
"use strict";
const fs = require("fs");
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");

const format = process.argv[2]; // "@biblatex/text" or "@ris/file"
const cite = new Cite(fs.readFileSync(0, "utf8"), { forceType: format });
process.stdout.write(JSON.stringify(cite.data));
