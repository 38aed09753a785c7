import ExcelJS from "exceljs";
import type { Lang } from "../core/i18n/lang";
import type { InstallPlan, TableSpec, ValidationSpec } from "../core/plan/installPlan";
import { COLORS } from "../core/plan/installPlan";
import type { PlanValue } from "../core/plan/plan";
import { planInstall } from "../core/usecases/planInstall";
import { GUIDE_WIDTHS, guideRowHeight } from "../core/template/guide";
import { columnLetter } from "../core/_lib/a1";
import { toYmd } from "../core/_lib/calendar";
import { Book } from "./book";
import { rebuild } from "./zip";
import { child, children, createLike, descendants, insertInOrder, parseXml, root, serializeXml } from "./dom";

/** exceljs writes validations this way; its TypeScript types omit both the collection and type "any". */
interface ValidationOptions {
  type: "list" | "whole" | "decimal" | "date" | "textLength" | "custom" | "any";
  operator?: "between";
  allowBlank: boolean;
  formulae: Array<string | number | Date>;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: "stop" | "warning";
  errorTitle?: string;
  error?: string;
}
interface DataValidationsApi {
  add(range: string, v: ValidationOptions): void;
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const utcDate = (serial: number) => {
  const { year, month, day } = toYmd(serial as never);
  return new Date(Date.UTC(year, month - 1, day));
};

function cellValue(v: PlanValue): ExcelJS.CellValue {
  switch (v.kind) {
    case "text": return v.text;
    case "number": return v.value;
    case "date": return v.day;
    case "formula": return { formula: v.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    default: return null;
  }
}

function addTable(ws: ExcelJS.Worksheet, t: TableSpec): void {
  ws.addTable({
    name: t.name,
    ref: `${columnLetter(t.column)}${t.row}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: t.headers.map((name) => ({ name, filterButton: true })),
    rows: t.rows.map((r, i) => r.map((v, j) => {
      const f = t.calculated[j];
      return f ? ({ formula: f.split("{row}").join(String(t.row + 1 + i)).replace(/^=/, "") } as ExcelJS.CellFormulaValue) : cellValue(v);
    })),
  });
  t.headers.forEach((_h, j) => {
    const col = ws.getColumn(t.column + j);
    col.width = t.widths[j] ?? 10;
    const fmt = t.numberFormats[j] ?? "General";
    // The column's own format reaches rows typed later: phone numbers and IDs stay text.
    if (fmt !== "General") col.numFmt = fmt;
    const head = ws.getCell(t.row, t.column + j);
    head.font = { bold: true, color: { argb: argb(COLORS.headerFont) } };
    head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(t.derived[j] ? COLORS.derivedHeader : COLORS.header) } };
    for (let i = 0; i < t.rows.length; i++) {
      const c = ws.getCell(t.row + 1 + i, t.column + j);
      if (fmt !== "General") c.numFmt = fmt;
      if (t.derived[j]) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(COLORS.derivedFill) } };
    }
  });
}

function addValidation(ws: ExcelJS.Worksheet, v: ValidationSpec): void {
  const base = {
    allowBlank: true,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.text } : {}),
    ...(v.error ? { showErrorMessage: true, errorStyle: v.error.style, errorTitle: v.error.title, error: v.error.text } : {}),
  };
  const r = v.rule;
  let o: ValidationOptions;
  switch (r.kind) {
    case "list": o = { ...base, type: "list", formulae: [r.source.replace(/^=/, "")] }; break;
    case "date": o = { ...base, type: "date", operator: "between", formulae: [utcDate(r.min), utcDate(r.max)] }; break;
    case "decimal": o = { ...base, type: "decimal", operator: "between", formulae: [r.min, r.max] }; break;
    case "whole": o = { ...base, type: "whole", operator: "between", formulae: [r.min, r.max] }; break;
    case "textLength": o = { ...base, type: "textLength", operator: "between", formulae: [r.min, r.max] }; break;
    case "custom": o = { ...base, type: "custom", formulae: [r.formula.replace(/^=/, "")] }; break;
    default: o = { ...base, type: "any", formulae: [] };
  }
  // Inline lists (Yes,No) are quoted in the file format.
  if (o.type === "list" && r.kind === "list" && !r.source.startsWith("=")) o.formulae = [`"${r.source}"`];
  (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations.add(v.range, o);
}

async function writeWithExcelJs(plan: InstallPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "crm-sheets";
  for (const s of plan.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible", views: s.freezeHeader ? [{ state: "frozen", ySplit: 1 }] : [] });
    for (const t of s.tables) addTable(ws, t);
    if (s.guide) {
      GUIDE_WIDTHS.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
      s.guide.forEach((g, i) => {
        const row = ws.getRow(i + 1);
        if (g.kind === "column") {
          g.cells.forEach((c, j) => { row.getCell(j + 1).value = c; });
          row.getCell(4).alignment = { wrapText: true, vertical: "top" };
          return;
        }
        // Paragraphs span the page: merged across the four columns, wrapped, tall enough to read.
        row.getCell(1).value = g.text;
        ws.mergeCells(i + 1, 1, i + 1, 4);
        row.getCell(1).alignment = { wrapText: true, vertical: "top" };
        if (g.kind === "text") row.height = guideRowHeight(g.text);
        else row.getCell(1).font = { bold: true, size: g.kind === "title" ? 14 : 12 };
      });
      ws.pageSetup = { fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: "landscape" };
    }
    for (const v of plan.validations) if (v.sheet === s.key) addValidation(ws, v);
    for (const cf of plan.conditionalFormats) {
      if (cf.sheet !== s.key) continue;
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [{ type: "expression", priority: cf.purpose === "overdue" ? 1 : 2, formulae: [cf.formula.replace(/^=/, "")], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } }, font: { color: { argb: argb(cf.fontColor) } } } }],
      });
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/**
 * Finishes what exceljs cannot express: defined names whose formulas grow with their lists, the
 * Status column as the table's calculated column, and recalculation on open — each set on the
 * part's DOM.
 */
function finish(bytes: Uint8Array, plan: InstallPlan): Uint8Array {
  const book = new Book(bytes);
  const enc = new TextEncoder();
  const doc = parseXml("xl/workbook.xml", book.workbookXml);
  const top = root(doc);
  for (const old of children(top, "definedNames")) top.removeChild(old);
  const names = createLike(top, "definedNames");
  for (const n of plan.names) {
    const d = createLike(names, "definedName");
    d.setAttribute("name", n.name);
    d.appendChild(doc.createTextNode(n.formula.replace(/^=/, "")));
    names.appendChild(d);
  }
  insertInOrder(top, names, WORKBOOK_ORDER);
  let calc = child(top, "calcPr");
  if (!calc) {
    calc = createLike(top, "calcPr");
    calc.setAttribute("calcId", "191029");
    insertInOrder(top, calc, WORKBOOK_ORDER);
  }
  calc.setAttribute("fullCalcOnLoad", "1");
  const replace = new Map<string, Uint8Array>([["xl/workbook.xml", enc.encode(serializeXml(doc))]]);
  for (const sheet of book.sheets) {
    for (const t of book.tables(sheet)) {
      const spec = plan.sheets.flatMap((s) => s.tables).find((x) => x.name === t.name);
      if (!spec || spec.calculated.every((c) => c === null)) continue;
      const tdoc = parseXml(t.path, t.xml);
      const cols = descendants(root(tdoc), "tableColumn");
      spec.calculated.forEach((f, j) => {
        const col = cols.find((c) => c.getAttribute("name") === spec.headers[j]);
        if (!f || !col) return;
        for (const old of children(col, "calculatedColumnFormula")) col.removeChild(old);
        const formula = createLike(col, "calculatedColumnFormula");
        formula.appendChild(tdoc.createTextNode(f.split("{row}").join(String(spec.row + 1)).replace(/^=/, "")));
        col.insertBefore(formula, col.firstChild);
      });
      replace.set(t.path, enc.encode(serializeXml(tdoc)));
    }
  }
  return rebuild(book.buf, book.entries, replace);
}

/** A brand-new workbook with the full template (and optional sample rows). */
export async function templateWorkbook(lang: Lang, sample?: { customers: PlanValue[][]; followUps: PlanValue[][]; contacts?: PlanValue[][]; complaints?: PlanValue[][] }): Promise<Uint8Array> {
  const plan = planInstall(lang, sample);
  return finish(await writeWithExcelJs(plan), plan);
}
