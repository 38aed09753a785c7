#!/usr/bin/env node
// Validates manifest.xml offline: the Office XSDs (xmllint) plus checks the XSDs cannot make —
// every resid resolves and is at most 32 characters, every URL is https, Version is well formed,
// the ExcelApi requirement set is declared. Prints `file:line: problem` and exits 1 on any problem.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const file = process.argv[2] || "manifest.xml";
const schemaDir = process.env.CRM_MANIFEST_SCHEMAS || path.resolve(__dirname, "..", "..", "shared", "manifest-schemas");
const text = fs.readFileSync(file, "utf8");
const lines = text.split("\n");
const problems = [];
const lineOf = (index) => text.slice(0, index).split("\n").length;
const report = (index, msg) => problems.push(`${file}:${lineOf(index)}: ${msg}`);

// 1. The schema.
const schema = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");
if (!fs.existsSync(schema)) {
  problems.push(`${file}: schema not found at ${schema} (set CRM_MANIFEST_SCHEMAS to the manifest-schemas folder)`);
} else {
  const r = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
  if (r.error) problems.push(`${file}: xmllint is not installed (Debian: apt-get install ${require("./system-deps.json").programs.find((p) => p.command === "xmllint").apt})`);
  else if (r.status !== 0) {
    for (const l of r.stderr.split("\n")) if (l.trim() && !/fails to validate$/.test(l)) problems.push(l.replace(/^([^:]+):(\d+):\s*element\s*/, "$1:$2: element "));
    if (problems.length === 0) problems.push(`${file}: fails schema validation`);
  }
}

// 2. Our own checks.
const ids = new Map();
for (const m of text.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]*)"/g)) {
  ids.set(m[1], m.index);
  if (m[1].length > 32) report(m.index, `resource id "${m[1]}" is ${m[1].length} characters (at most 32)`);
}
for (const m of text.matchAll(/resid="([^"]*)"/g)) {
  if (m[1].length > 32) report(m.index, `resid "${m[1]}" is ${m[1].length} characters (at most 32)`);
  if (!ids.has(m[1])) report(m.index, `resid "${m[1]}" does not resolve to any bt:Image, bt:Url or bt:String`);
}
for (const m of text.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*|[a-z]+:[^"]*\/\/[^"]*)"/gi)) {
  if (!m[1].startsWith("https://")) report(m.index, `URL "${m[1]}" must be https`);
}
for (const m of text.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)) if (!m[1].startsWith("https://")) report(m.index, `AppDomain "${m[1]}" must be https`);
const version = /<Version>([^<]*)<\/Version>/.exec(text);
if (!version) problems.push(`${file}: <Version> is missing`);
else if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version[1])) report(version.index, `Version "${version[1]}" is not of the form n.n.n.n`);
const excel = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"/.exec(text);
if (!excel) problems.push(`${file}: no <Set Name="ExcelApi" MinVersion="…"/> requirement is declared`);
if (!/<DisplayName\s+DefaultValue="[^"]+"/.test(text)) problems.push(`${file}: <DisplayName DefaultValue="…"> is missing`);
const perm = /<Permissions>([^<]*)<\/Permissions>/.exec(text);
if (perm && perm[1] !== "ReadWriteDocument") report(perm.index, `Permissions must be ReadWriteDocument for the Excel APIs (found "${perm[1]}")`);

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`${file}: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`${file}: valid (schema, ${ids.size} resources, ExcelApi ${excel[1]}, ${lines.length} lines)`);
