#!/usr/bin/env node
// The command line: the same engine as the add-in, on .xlsx files. Built to lib/ by `npm install`.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("crm-sheets: not built yet; run `npm install` (or `npm run build:cli`) in the project first");
  process.exit(2);
}
const { main } = require(entry);
const progress = process.stderr.isTTY ? (s) => process.stderr.write(s) : undefined;
main(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s), now: () => new Date(), progress, env: process.env })
  .then((code) => { process.exitCode = code; })
  .catch((e) => { console.error(`crm-sheets: ${e && e.message ? e.message : e}`); process.exitCode = 2; });
