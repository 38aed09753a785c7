import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const root = path.resolve(__dirname, "../..");
const PY = "/usr/bin/python3";

export function tmpdir(prefix = "crm-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The ECMA-376 transitional schemas (see their README), beside the project. */
export const SCHEMAS = process.env.CRM_OOXML_SCHEMAS ?? path.resolve(root, "..", "shared", "ooxml-schemas");

/**
 * What Excel would object to in a file: schema errors after markup compatibility, and the rules
 * the schema cannot say (row and cell order, shared-formula masters, table headers, style counts
 * and indexes, well-formedness). Empty when Excel opens it without repair.
 */
export function excelProblems(file: string, parts: readonly string[] = []): string[] {
  return py<{ errors: string[] }>("validate.py", [SCHEMAS, file, ...parts]).errors;
}

/** Throws with every problem listed when a file we produced is not one Excel opens cleanly. */
export function expectValid(file: string): void {
  const errors = excelProblems(file);
  if (errors.length > 0) throw new Error(`${path.basename(file)} is not a valid workbook:\n${errors.join("\n")}`);
}

const WRITING = new Set(["init", "grade", "log", "demo", "complaint", "pool", "claim", "handover", "dashboard"]);

/** The workbook a command writes: the one after `--into` for an import (none on a dry run), else its first argument. */
function writtenFile(args: readonly string[]): string | undefined {
  if (args[0] !== "import") return WRITING.has(args[0] ?? "") ? args[1] : undefined;
  const into = args.indexOf("--into");
  return into > 0 && !args.includes("--dry-run") ? args[into + 1] : undefined;
}

/**
 * Runs the command line as a user would (the built bin), returning exit code and output. Every
 * file a writing command says it wrote (an import's target too) is checked by the validator.
 */
export function cli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; validate?: boolean } = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(root, "bin", "crm-sheets.js"), ...args], { cwd: opts.cwd, encoding: "utf8", env: { ...process.env, ...opts.env } });
  const file = writtenFile(args);
  if (r.status === 0 && opts.validate !== false && file) expectValid(path.resolve(opts.cwd ?? process.cwd(), file));
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function py<T>(script: string, args: readonly string[]): T {
  const r = spawnSync(PY, [path.join(__dirname, script), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export interface Inspected {
  sheets: Array<{
    name: string; state: string; freeze: string | null;
    tables: Record<string, { ref: string; columns: string[]; calculated: Array<string | null> }>;
    validations: Array<{ sqref: string; type: string; formula1: string | null; formula2: string | null; promptTitle: string | null; prompt: string | null; errorTitle: string | null; error: string | null; errorStyle: string | null }>;
    conditional: Array<{ sqref: string; formula: string[][]; type: string[] }>;
    max_row: number;
    merged: string[];
  }>;
  names: Record<string, string>;
  cells: Record<string, { v: unknown; t: string; nf: string }>;
}

export const inspect = (file: string, ...cells: string[]) => py<Inspected>("read_xlsx.py", [file, ...cells]);
export const digest = (file: string) => py<{ entries: Record<string, { sha: string; crc: number; size: number }>; bad: string | null }>("zip_digest.py", [file]);

export function recalc(file: string, outdir: string, fmt = "xlsx"): string {
  const r = spawnSync("bash", [path.join(__dirname, "lo_recalc.sh"), file, outdir, fmt], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`LibreOffice failed: ${r.stderr}`);
  return path.join(outdir, path.basename(file).replace(/\.xlsx$/, `.${fmt}`));
}

export function ensureCliBuilt(): void {
  if (fs.existsSync(path.join(root, "lib", "src", "cli", "main.js"))) return;
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
}

/** A team's own workbook made by openpyxl: our sheets as plain ranges plus a chart, an image, a comment and a defined name. */
export function makeUserBook(file: string, variant: "plain" | "1904" = "plain"): void {
  const r = spawnSync(PY, [path.join(__dirname, "make_user_book.py"), file, variant], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`make_user_book failed: ${r.stderr}`);
}
