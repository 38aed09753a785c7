/**
 * Finds every Excel/Office API member a set of sources touches and the requirement set its
 * @types/office-js JSDoc names (`[Api set: ExcelApi 1.N]`), so a test can hold the code to the
 * manifest's MinVersion. A member needing more is allowed only inside
 * `if (Office.context.requirements.isSetSupported("ExcelApi", "1.N")) { … }` with N high enough.
 */
import * as ts from "typescript";
import * as fs from "fs";
import * as path from "path";
import { asVersion as versionNumber, formatVersion, manifestSets } from "../double/apiSets";

export interface MemberUse {
  readonly member: string;
  readonly set: string;
  readonly version: number;
  readonly file: string;
  readonly line: number;
  readonly guardedTo: number | null;
}

export interface Analysis {
  readonly uses: MemberUse[];
  readonly diagnostics: Map<string, readonly ts.Diagnostic[]>;
}

const API_SET = /\[Api set: (ExcelApi|ExcelApiOnline|ExcelApiDesktop) (\d+\.\d+)\]/;


function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listSources(p));
    else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

function guardVersion(node: ts.Node): number | null {
  let best: number | null = null;
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const parent: ts.Node | undefined = n.parent;
    if (parent && ts.isIfStatement(parent) && parent.thenStatement === n) {
      const m = /isSetSupported\(\s*["']ExcelApi["']\s*,\s*["'](\d+\.\d+)["']\s*\)/.exec(parent.expression.getText());
      if (m && m[1]) best = Math.max(best ?? 0, versionNumber(m[1]));
    }
  }
  return best;
}

/** Analyses `srcDir` plus optional in-memory files (for the guard's own tests). */
export function analyse(root: string, srcDir: string, virtual: Record<string, string> = {}): Analysis {
  const files = [...listSources(srcDir), ...Object.keys(virtual)];
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
    jsx: ts.JsxEmit.ReactJSX, strict: true, noEmit: true, skipLibCheck: true, esModuleInterop: true, resolveJsonModule: true,
    types: ["office-js", "node"], typeRoots: [path.join(root, "node_modules", "@types")], lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => {
    const v = virtual[name];
    return v !== undefined ? ts.createSourceFile(name, v, lang, true) : getSourceFile(name, lang, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in virtual || fileExists(name);
  const program = ts.createProgram(files, options, host);
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  const diagnostics = new Map<string, readonly ts.Diagnostic[]>();
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue;
    diagnostics.set(sf.fileName, [...program.getSemanticDiagnostics(sf), ...program.getSyntacticDiagnostics(sf)]);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const sym = checker.getSymbolAtLocation(node.name);
        for (const decl of sym?.declarations ?? []) {
          if (!decl.getSourceFile().fileName.includes("@types/office-js")) continue;
          const doc = decl.getFullText().slice(0, decl.getLeadingTriviaWidth());
          const m = API_SET.exec(doc);
          if (!m || !m[1] || !m[2]) continue;
          const parent = decl.parent;
          const owner = parent && (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isEnumDeclaration(parent)) && parent.name ? parent.name.text : ts.isEnumDeclaration(decl) ? "enum" : "Excel";
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
          uses.push({ member: `${owner}.${node.name.text}`, set: m[1], version: versionNumber(m[2]), file: path.relative(root, sf.fileName), line: line + 1, guardedTo: guardVersion(node) });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { uses, diagnostics };
}

export { formatVersion };

/** The manifest's declared ExcelApi MinVersion (read as the double reads it). */
export function manifestExcelApi(): number {
  const declared = manifestSets()?.ExcelApi;
  if (declared === undefined) throw new Error("manifest.xml not found");
  return versionNumber(declared);
}

/** Uses that need more than `declared` and are not inside a high-enough guard. */
export function violations(uses: readonly MemberUse[], declared: number): MemberUse[] {
  return uses.filter((u) => u.set !== "ExcelApi" || (u.version > declared && (u.guardedTo === null || u.guardedTo < u.version)));
}
