import { spawnSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

/** Lints code as if it lived at `file`, through the project's own config (ESLint's CLI: its API needs ESM loading jest lacks). */
async function lintAs(file: string, code: string): Promise<string[]> {
  const bin = path.join(root, "node_modules", "eslint", "bin", "eslint.js");
  const r = spawnSync(process.execPath, [bin, "--stdin", "--stdin-filename", path.join(root, file), "--format", "json"], { cwd: root, input: code, encoding: "utf8" });
  const parsed = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return (parsed[0]?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

jest.setTimeout(60_000);

describe("lint keeps the rooms one-way", () => {
  it.each([
    ['import * as fs from "fs";\nexport const x = fs;', "no-restricted-imports"],
    ['import React from "react";\nexport const x = React;', "no-restricted-imports"],
    ['import { readXlsx } from "../../xlsx/read";\nexport const x = readXlsx;', "no-restricted-imports"],
    ["export const x = () => Excel.run(async () => undefined);", "no-restricted-globals"],
    ["export const now = () => new Date();", "no-restricted-syntax"],
  ])("src/core refuses %s", async (code, rule) => {
    const messages = await lintAs("src/core/rules/_probe.ts", code);
    expect(messages.join("\n")).toContain(rule);
  });
  it("the Office rules catch a read before sync and a sync in a loop", async () => {
    const code = `export async function f(context: Excel.RequestContext, names: string[]) {
  const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
  r.load("values");
  const v = r.values;
  for (const n of names) { await context.sync(); }
  return [v, names];
}`;
    const messages = await lintAs("src/excel/_probe.ts", code);
    expect(messages.join("\n")).toContain("office-addins/call-sync-before-read");
    expect(messages.join("\n")).toContain("office-addins/no-context-sync-in-loop");
  });
  it("the UI may not call Excel", async () => {
    expect((await lintAs("src/taskpane/features/_probe.tsx", "export const f = () => Excel.run(async () => 1);")).join("\n")).toContain("no-restricted-globals");
  });
  it.each([
    ["src/excel/_probe.ts", 'import React from "react";\nexport const x = React;', "Office.js door"],
    ["src/excel/_probe.ts", 'import { readBook } from "../xlsx/read";\nexport const x = readBook;', "never calls another door"],
    ["src/excel/_probe.ts", 'import * as fs from "fs";\nexport const x = fs;', "browser host"],
    ["src/xlsx/_probe.ts", 'import { main } from "../cli/main";\nexport const x = main;', "never depends on the command line"],
    ["src/xlsx/_probe.ts", 'import { Button } from "@fluentui/react-components";\nexport const x = Button;', "no Office.js, React"],
    ["src/cli/_probe.ts", 'import { unzipSync } from "fflate";\nexport const x = unzipSync;', "never touches zip or XML"],
    ["src/cli/_probe.ts", 'import { parseRows } from "../xlsx/rows";\nexport const x = parseRows;', "not its zip and XML internals"],
    ["src/cli/_probe.ts", 'import { gradeWorkbook } from "../excel/usecases";\nexport const x = gradeWorkbook;', "goes through src/xlsx"],
    ["src/taskpane/features/_probe.tsx", 'import { gradeWorkbook } from "../../excel/usecases";\nexport const x = gradeWorkbook;', "useWorkbook()"],
    ["src/taskpane/features/_probe.tsx", 'import { gradeFile } from "../../xlsx/usecases";\nexport const x = gradeFile;', "only through src/excel"],
    ["src/taskpane/officeDoor.ts", 'import { gradeFile } from "../xlsx/usecases";\nexport const x = gradeFile;', "only through src/excel"],
    ["src/commands/_probe.ts", 'import { App } from "../taskpane/App";\nexport const x = App;', "ribbon commands call src/excel"],
  ])("%s refuses %s", async (file, code, why) => {
    expect((await lintAs(file, code)).join("\n")).toContain(why);
  });
  it("the pane may share src/excel's types and errors", async () => {
    const code = 'import type { GradeOutcome } from "../../excel/usecases";\nimport { ExcelDoorError } from "../../excel/errors";\nexport type X = GradeOutcome;\nexport const e = ExcelDoorError;';
    expect(await lintAs("src/taskpane/features/_probe.tsx", code)).toEqual([]);
  });
  it.each([
    ["src/core/rules/_probe.ts", 'export const f = (zh: boolean) => (zh ? "是" : "Yes");'],
    ["src/cli/_probe.ts", 'export const f = (lang: string) => (lang === "zh-CN" ? "是" : "Yes");'],
    ["src/taskpane/features/_probe.tsx", 'export const f = (lang: string) => (lang === "en-US" ? "Yes" : "是");'],
    ["src/excel/_probe.ts", 'export const f = (isZh: boolean) => (isZh ? "已分级" : "Graded");'],
    ["src/commands/_probe.ts", 'export const f = (lang: string) => (lang === "zh-CN" ? "完成" : "Done");'],
  ])("%s refuses an inline language ternary", async (file, code) => {
    expect((await lintAs(file, code)).join("\n")).toContain("No inline language ternaries");
  });
});
