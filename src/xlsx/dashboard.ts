import type { DayNumber } from "../core/_lib/calendar";
import { planDashboard, DASHBOARD_CUSTOMER_KEYS, DASHBOARD_FOLLOWUP_KEYS, type DashboardFigures } from "../core/dashboard";
import { DASHBOARD_SHEET_NAMES } from "../core/dashboard/messages";
import type { Lang } from "../core/i18n/lang";
import { Book, XlsxError, relsPathOf } from "./book";
import { readBook } from "./read";
import { readFileChecked, atomicWrite, type SaveProbe } from "./save";
import { rebuild } from "./zip";
import { escapeXml } from "./xml";
import { DashboardStyles } from "./dashboardStyles";
import { dashboardSheetXml } from "./dashboardSheet";
import { chartXml, drawingXml, relsXml, CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, REL_CHART, REL_DRAWING } from "./chartParts";

/** A hidden workbook name marks the dashboard sheet as ours: a user's own sheet called "Dashboard" is never overwritten. */
export const DASHBOARD_MARK = "CRM_Dashboard";

const SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const REL_SHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

export interface FileDashboardOutcome {
  readonly lang: Lang;
  readonly sheet: string;
  readonly figures: DashboardFigures;
  readonly cells: number;
  readonly charts: number;
  readonly rebuilt: boolean;
  readonly lastGraded: DayNumber | null;
}

const quoteName = (n: string) => `'${n.replace(/'/g, "''")}'`;

/** Our dashboard sheet: the one the mark points at, else one with our name that carries the mark. */
function findOurs(book: Book): { name: string; path: string; rId: string } | null {
  const mark = new RegExp(`<definedName\\b[^>]*name="${DASHBOARD_MARK}"[^>]*>([^<]*)</definedName>`).exec(book.workbookXml);
  if (!mark) {
    const clash = book.sheets.find((s) => DASHBOARD_SHEET_NAMES.some((n) => n.toLowerCase() === s.name.toLowerCase()));
    if (clash) throw new XlsxError(`a sheet named "${clash.name}" exists and is not the dashboard this tool built; rename it and run again (nothing was changed)`, clash.name);
    return null;
  }
  const target = (mark[1] ?? "").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const sheet = book.sheets.find((s) => target.startsWith(`${quoteName(s.name)}!`) || target.startsWith(`${s.name}!`));
  return sheet ? { name: sheet.name, path: sheet.path, rId: sheet.rId } : null;
}

/** The first free part name; a part being removed is free, so a rebuild reuses its own names. */
function unusedPath(book: Book, dir: string, stem: string, taken: Set<string>, removing: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const p = `${dir}/${stem}${i}.xml`;
    if ((!book.byName.has(p) || removing.has(p)) && !taken.has(p)) { taken.add(p); return p; }
  }
}

function relTarget(from: string, to: string): string {
  // Targets are relative to the source part's folder; ours live one folder over (../drawings/…).
  const fromDir = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let i = 0;
  while (i < fromDir.length && fromDir[i] === toParts[i]) i++;
  return [...fromDir.slice(i).map(() => ".."), ...toParts.slice(i)].join("/");
}

/**
 * Builds or rebuilds the Dashboard sheet of a workbook file: our sheet part, its drawing and chart
 * parts, their relationships and content types, our styles, the mark; every other part keeps its
 * bytes. Rebuilding replaces the sheet in place (same position, same name) and never adds a second.
 */
export function dashboardFile(file: string, today: DayNumber, probe?: SaveProbe): FileDashboardOutcome {
  const book = new Book(readFileChecked(file));
  const r = readBook(book, { customers: [...DASHBOARD_CUSTOMER_KEYS], followUps: [...DASHBOARD_FOLLOWUP_KEYS] });
  const plan = planDashboard(r.model, today);
  const layout = plan.layout;
  const ours = findOurs(book);
  const enc = new TextEncoder();
  const replace = new Map<string, Uint8Array>();
  const add = new Map<string, Uint8Array>();
  const remove = new Set<string>();
  const taken = new Set<string>();

  let ct = book.text("[Content_Types].xml") ?? "";
  let wb = book.workbookXml;
  const wbRelsPath = relsPathOf("xl/workbook.xml");
  let wbRels = book.text(wbRelsPath) ?? "";
  let sheetPath: string;
  let sheetName: string;

  if (ours) {
    sheetPath = ours.path;
    sheetName = ours.name;
    // The old drawing and charts go; new ones are written under fresh names.
    for (const rel of book.relsTyped(sheetPath)) {
      if (!rel.type.endsWith("/drawing")) continue;
      for (const c of book.relsTyped(rel.target)) if (c.type.endsWith("/chart")) { remove.add(c.target); remove.add(relsPathOf(c.target)); }
      remove.add(rel.target);
      remove.add(relsPathOf(rel.target));
    }
    remove.add(relsPathOf(sheetPath));
    for (const p of remove) ct = ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
    // Excel's calculation chain may list cells of the old dashboard: it is rebuilt on open.
    if (book.byName.has("xl/calcChain.xml")) {
      remove.add("xl/calcChain.xml");
      ct = ct.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, "");
      wbRels = wbRels.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, "");
    }
  } else {
    sheetName = layout.sheetName;
    sheetPath = unusedPath(book, "xl/worksheets", "sheet", taken, remove);
    const ids = [...wbRels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
    const rId = `rId${Math.max(0, ...ids) + 1}`;
    wbRels = wbRels.replace("</Relationships>", `<Relationship Id="${rId}" Type="${REL_SHEET}" Target="${relTarget("xl/workbook.xml", sheetPath)}"/></Relationships>`);
    const sheetIds = [...wb.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
    wb = wb.replace("</sheets>", `<sheet name="${escapeXml(sheetName)}" sheetId="${Math.max(0, ...sheetIds) + 1}" r:id="${rId}"/></sheets>`);
    ct = ct.replace("</Types>", `<Override PartName="/${sheetPath}" ContentType="${SHEET_CT}"/></Types>`);
    const markXml = `<definedName name="${DASHBOARD_MARK}" hidden="1">${escapeXml(`${quoteName(sheetName)}!$A$1`)}</definedName>`;
    wb = /<definedNames>/.test(wb) ? wb.replace("</definedNames>", `${markXml}</definedNames>`) : wb.replace("</sheets>", `</sheets><definedNames>${markXml}</definedNames>`);
  }

  const drawingPath = layout.charts.length ? unusedPath(book, "xl/drawings", "drawing", taken, remove) : null;
  const chartPaths = layout.charts.map(() => unusedPath(book, "xl/charts", "chart", taken, remove));
  const put = (path: string, text: string) => (book.byName.has(path) ? replace : add).set(path, enc.encode(text));
  // A removed part that is written again under the same name is a replacement, not a removal.
  const write = (path: string, text: string) => { remove.delete(path); put(path, text); };

  if (drawingPath) {
    write(relsPathOf(sheetPath), relsXml([{ id: "rId1", type: REL_DRAWING, target: relTarget(sheetPath, drawingPath) }]));
    write(drawingPath, drawingXml(layout.charts));
    write(relsPathOf(drawingPath), relsXml(chartPaths.map((p, i) => ({ id: `rId${i + 1}`, type: REL_CHART, target: relTarget(drawingPath, p) }))));
    ct = ct.replace("</Types>", `<Override PartName="/${drawingPath}" ContentType="${DRAWING_CONTENT_TYPE}"/></Types>`);
    layout.charts.forEach((c, i) => {
      const p = chartPaths[i] as string;
      write(p, chartXml(sheetName, c));
      ct = ct.replace("</Types>", `<Override PartName="/${p}" ContentType="${CHART_CONTENT_TYPE}"/></Types>`);
    });
  }

  const styles = new DashboardStyles(book.stylesXml ?? "");
  const finalLayout = sheetName === layout.sheetName ? layout : { ...layout, sheetName };
  write(sheetPath, dashboardSheetXml(finalLayout, styles, book.date1904, drawingPath ? "rId1" : null));
  if (styles.toXml() !== book.stylesXml) replace.set("xl/styles.xml", enc.encode(styles.toXml()));

  // Our formulas carry no cached value: Excel and LibreOffice recalculate on open.
  if (!/<calcPr\b[^>]*fullCalcOnLoad="1"/.test(wb)) wb = /<calcPr\b/.test(wb) ? wb.replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"') : wb.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>');
  if (wb !== book.workbookXml) replace.set("xl/workbook.xml", enc.encode(wb));
  if (wbRels !== (book.text(wbRelsPath) ?? "")) replace.set(wbRelsPath, enc.encode(wbRels));
  if (ct !== (book.text("[Content_Types].xml") ?? "")) replace.set("[Content_Types].xml", enc.encode(ct));

  atomicWrite(file, rebuild(book.buf, book.entries, replace, add, remove), probe);
  return { lang: r.model.lang, sheet: sheetName, figures: plan.figures, cells: layout.cells.length, charts: layout.charts.length, rebuilt: ours !== null, lastGraded: plan.lastGraded };
}
