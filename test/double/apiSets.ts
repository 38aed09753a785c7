/**
 * The requirement set of every Excel class member, read from @types/office-js (whose JSDoc is
 * Microsoft's reference: `[Api set: ExcelApi 1.9]`), so the double can refuse a call the host's
 * version does not have, as Excel does (`ApiNotFound`), without a hand-kept table to go stale.
 *
 * The browser harness bundles the double too: there is no file system there, so nothing is read,
 * no member has a set and every call runs (the checks are jest's).
 */
type Fs = { readFileSync(path: string, encoding: "utf8"): string; existsSync(path: string): boolean };

/** Node's file system when there is one, fetched at run time so a bundler never looks for it. */
function nodeFs(): Fs | null {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (p?.getBuiltinModule?.("fs") as Fs | undefined) ?? null;
}

export interface ApiSet {
  /** `ExcelApi`, `ExcelApiOnline`, `ExcelApiDesktop`. */
  readonly set: string;
  /** 1.9 → 1009, so versions compare as numbers. */
  readonly version: number;
}

/** What a host supports: its ExcelApi version and any platform-only sets it also has. */
export type HostSets = Readonly<Record<string, string>>;

export const asVersion = (v: string): number => {
  const [a, b] = v.split(".").map(Number);
  return (a ?? 0) * 1000 + (b ?? 0);
};

/** A file of the project, from test/double here or from the benchmark's compiled copy (lib-bench/test/double). */
function projectFile(fs: Fs, rel: string): string | undefined {
  return ["../..", "../../.."].map((up) => `${__dirname}/${up}/${rel}`).find((f) => fs.existsSync(f));
}

let table: Map<string, Map<string, ApiSet>> | null = null;
const enums = new Map<string, Set<string>>();

function load(): Map<string, Map<string, ApiSet>> {
  const out = new Map<string, Map<string, ApiSet>>();
  const fs = nodeFs();
  if (!fs) return out;
  const typings = projectFile(fs, "node_modules/@types/office-js/index.d.ts");
  if (!typings) return out;
  const lines = fs.readFileSync(typings, "utf8").split("\n");
  let inEnum: Set<string> | null = null;
  let inExcel = false;
  let current: Map<string, ApiSet> | null = null;
  let pending: ApiSet | null = null;
  for (const line of lines) {
    if (line.startsWith("declare namespace ")) { inExcel = line.startsWith("declare namespace Excel "); current = null; continue; }
    if (!inExcel) continue;
    const en = /^ {4}enum (\w+) \{/.exec(line);
    if (en && en[1]) { inEnum = new Set(); enums.set(en[1], inEnum); continue; }
    if (inEnum) {
      const v = /^ {8}\w+ = "([^"]*)"/.exec(line);
      if (v && v[1] !== undefined) inEnum.add(v[1]);
      if (line.startsWith("    }")) inEnum = null;
      continue;
    }
    const cls = /^ {4}class (\w+) /.exec(line);
    if (cls && cls[1]) { current = new Map(); out.set(cls[1], current); pending = null; continue; }
    if (line.startsWith("    }")) { current = null; continue; }
    if (!current) continue;
    const set = /\[Api set: (\w+) (\d+\.\d+)/.exec(line);
    if (set && set[1] && set[2]) { pending = { set: set[1], version: asVersion(set[2]) }; continue; }
    const member = /^ {8}(?:readonly )?([A-Za-z_$][\w$]*)\??[:(<]/.exec(line);
    if (member && member[1]) {
      // Overloads repeat a member: the first declaration's set stands.
      if (pending && !current.has(member[1])) current.set(member[1], pending);
      pending = null;
    }
  }
  return out;
}

/** The set a member of an Excel class needs, or null when the typings name none (load, context). */
export function apiSetOf(excelClass: string, member: string): ApiSet | null {
  table ??= load();
  return table.get(excelClass)?.get(member) ?? null;
}

/** The string values of an Excel enum (`ChartType` → "Pie", "BarClustered", …). */
export function enumValues(name: string): ReadonlySet<string> {
  table ??= load();
  return enums.get(name) ?? new Set();
}

/** Whether a host with these sets runs a member: ExcelApi by version, other sets only when listed. */
export function supports(host: HostSets, need: ApiSet): boolean {
  const have = host[need.set];
  return have !== undefined && asVersion(have) >= need.version;
}

/**
 * The ExcelApi MinVersion the add-in's manifest requires: the host every double stands for by
 * default (null without a file system: nothing is checked).
 */
export function manifestSets(): HostSets | null {
  const fs = nodeFs();
  if (!fs) return null;
  const manifest = projectFile(fs, "manifest.xml");
  if (!manifest) return null;
  const xml = fs.readFileSync(manifest, "utf8");
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"/.exec(xml);
  if (!m || !m[1]) throw new Error("manifest.xml declares no ExcelApi MinVersion");
  return { ExcelApi: m[1] };
}

export const formatVersion = (v: number): string => `${Math.floor(v / 1000)}.${v % 1000}`;
