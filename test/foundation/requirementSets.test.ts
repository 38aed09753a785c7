import * as path from "path";
import * as ts from "typescript";
import { analyse, formatVersion, manifestExcelApi, violations, type Analysis } from "../support/requirementSets";

const root = path.resolve(__dirname, "../..");
const probe = (name: string) => path.join(root, "src", "__virtual__", name);
const misspelt = probe("misspelt.ts");
const unguarded = probe("unguarded.ts");
const guarded = probe("guarded.ts");

let analysis: Analysis;
beforeAll(() => {
  analysis = analyse(root, path.join(root, "src"), {
    [misspelt]: `export async function f(context: Excel.RequestContext) { context.workbook.worksheets.getItem("A").getRange("A:A").format.autofitColumn(); }`,
    [unguarded]: `export function g(r: Excel.Range) { return r.valuesAsJson; }`,
    [guarded]: `export function h(r: Excel.Range) { if (Office.context.requirements.isSetSupported("ExcelApi", "1.16")) { return r.valuesAsJson; } return r.values; }`,
  });
}, 120_000);

describe("requirement sets", () => {
  it("every Excel member src/ touches is within the manifest's ExcelApi MinVersion (or guarded)", () => {
    const declared = manifestExcelApi();
    const real = analysis.uses.filter((u) => !u.file.includes("__virtual__"));
    const byMember = new Map<string, string>();
    for (const u of real) byMember.set(u.member, `${u.set} ${formatVersion(u.version)}${u.guardedTo ? ` (guarded ${formatVersion(u.guardedTo)})` : ""}`);
    const table = [...byMember.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([m, s]) => `${m.padEnd(48)} ${s}`).join("\n");
    console.log(`Excel API members used by src/ (manifest: ExcelApi ${formatVersion(declared)})\n${table}`);
    expect(violations(real, declared).map((u) => `${u.file}:${u.line} ${u.member} needs ${u.set} ${formatVersion(u.version)}`)).toEqual([]);
  });
  it("flags a member above the manifest's version outside a guard, and accepts it inside one", () => {
    const declared = manifestExcelApi();
    const bad = violations(analysis.uses.filter((u) => u.file.endsWith("unguarded.ts")), declared);
    expect(bad.map((u) => u.member)).toEqual(["Range.valuesAsJson"]);
    expect(violations(analysis.uses.filter((u) => u.file.endsWith("guarded.ts") && !u.file.endsWith("unguarded.ts")), declared)).toEqual([]);
  });
  it("a misspelt Excel member fails the type check", () => {
    const d = analysis.diagnostics.get(misspelt) ?? [];
    const text = d.map((x) => `TS${x.code}: ${ts.flattenDiagnosticMessageText(x.messageText, "\n")}`).join("\n");
    expect(text).toMatch(/TS2551: Property 'autofitColumn' does not exist on type 'RangeFormat'\. Did you mean 'autofitColumns'\?/);
  });
  it("src/ itself type-checks clean", () => {
    const errors = [...analysis.diagnostics.entries()].filter(([f]) => !f.includes("__virtual__")).flatMap(([f, ds]) => ds.map((x) => `${path.relative(root, f)}: ${ts.flattenDiagnosticMessageText(x.messageText, " ")}`));
    expect(errors).toEqual([]);
  });
});
