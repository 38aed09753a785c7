import type { DayNumber } from "../core/_lib/calendar";
import { planDashboard, DASHBOARD_COMPLAINT_KEYS, DASHBOARD_CUSTOMER_KEYS, DASHBOARD_FOLLOWUP_KEYS, type DashboardFigures } from "../core/dashboard";
import type { WallTime } from "../core/health/wallClock";
import { DASHBOARD_SHEET_NAMES } from "../core/dashboard/messages";
import type { Lang } from "../core/i18n/lang";
import { Book, XlsxError, relsPathOf } from "./book";
import { readBook } from "./read";
import { readFileChecked, atomicWrite, type SaveProbe } from "./save";
import { rebuild } from "./zip";
import { NS, child, children, createLike, insertInOrder, parseXml, root, serializeXml, textContent, type Document, type Element } from "./dom";
import { DashboardStyles } from "./dashboardStyles";
import { dashboardSheetXml } from "./dashboardSheet";
import { chartXml, drawingXml, relsXml, CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, REL_CHART, REL_DRAWING } from "./chartParts";

/** A hidden workbook name marks the dashboard sheet as ours: a user's own sheet called "Dashboard" is never overwritten. */
export const DASHBOARD_MARK = "CRM_Dashboard";

const SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const WB_PATH = "xl/workbook.xml";
const CT_PATH = "[Content_Types].xml";
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

/** The schema's order of a workbook's children (CT_Workbook), for the elements we add. */
const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/** The workbook's defined names element, created where the schema puts it when missing. */
function definedNames(top: Element): Element {
  const existing = child(top, "definedNames");
  if (existing) return existing;
  const el = createLike(top, "definedNames");
  insertInOrder(top, el, WORKBOOK_ORDER);
  return el;
}

/** Our dashboard sheet: the one the mark points at, else one with our name that carries the mark. */
function findOurs(book: Book): { name: string; path: string; rId: string } | null {
  const names = child(root(book.workbook), "definedNames");
  const mark = names ? children(names, "definedName").find((d) => d.getAttribute("name") === DASHBOARD_MARK) : undefined;
  if (!mark) {
    const clash = book.sheets.find((s) => DASHBOARD_SHEET_NAMES.some((n) => n.toLowerCase() === s.name.toLowerCase()));
    if (clash) throw XlsxError.of("dashboardNameClash", { sheet: clash.name }, { sheet: clash.name });
    return null;
  }
  const target = textContent(mark);
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

/** A parsed part of the package (an empty one of `rootXml` when the package lacks it). */
function partDoc(book: Book, path: string, rootXml: string): Document {
  return parseXml(path, book.text(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${rootXml}`);
}

/** `[Content_Types].xml` edits: an Override per part we add, none left for a part we remove. */
class ContentTypes {
  readonly doc: Document;
  constructor(book: Book) {
    this.doc = partDoc(book, CT_PATH, `<Types xmlns="${NS.contentTypes}"/>`);
  }
  private overrides(): Element[] {
    return children(root(this.doc), "Override", NS.contentTypes);
  }
  remove(part: string): void {
    for (const o of this.overrides()) if (o.getAttribute("PartName") === `/${part}`) o.parentNode?.removeChild(o);
  }
  set(part: string, type: string): void {
    this.remove(part);
    const o = createLike(root(this.doc), "Override");
    o.setAttribute("PartName", `/${part}`);
    o.setAttribute("ContentType", type);
    root(this.doc).appendChild(o);
  }
}

/**
 * Builds or rebuilds the Dashboard sheet of a workbook file: our sheet part, its drawing and chart
 * parts, their relationships and content types, our styles, the mark; every other part keeps its
 * bytes. Rebuilding replaces the sheet in place (same position, same name) and never adds a second.
 * The workbook, its relationships and the content types are edited through their DOM (elements
 * added or removed, attributes set), so whatever else they hold survives as it was.
 */
export async function dashboardFile(file: string, today: DayNumber, now: WallTime, probe?: SaveProbe): Promise<FileDashboardOutcome> {
  const book = new Book(readFileChecked(file));
  const r = await readBook(book, { customers: [...DASHBOARD_CUSTOMER_KEYS], followUps: [...DASHBOARD_FOLLOWUP_KEYS], complaints: [...DASHBOARD_COMPLAINT_KEYS] });
  const plan = planDashboard(r.model, today, now);
  const layout = plan.layout;
  const ours = findOurs(book);
  const enc = new TextEncoder();
  const replace = new Map<string, Uint8Array>();
  const add = new Map<string, Uint8Array>();
  const remove = new Set<string>();
  const taken = new Set<string>();

  const ct = new ContentTypes(book);
  const wb = parseXml(WB_PATH, book.workbookXml);
  const wbTop = root(wb);
  const wbRelsPath = relsPathOf(WB_PATH);
  const wbRels = partDoc(book, wbRelsPath, `<Relationships xmlns="${NS.pkgRel}"/>`);
  const relEls = () => children(root(wbRels), "Relationship", NS.pkgRel);
  let wbChanged = false;
  let wbRelsChanged = false;
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
    for (const p of remove) ct.remove(p);
    // Excel's calculation chain may list cells of the old dashboard: it is rebuilt on open.
    if (book.byName.has("xl/calcChain.xml")) {
      remove.add("xl/calcChain.xml");
      ct.remove("xl/calcChain.xml");
      for (const rel of relEls()) if ((rel.getAttribute("Type") ?? "").endsWith("/calcChain")) { rel.parentNode?.removeChild(rel); wbRelsChanged = true; }
    }
  } else {
    sheetName = layout.sheetName;
    sheetPath = unusedPath(book, "xl/worksheets", "sheet", taken, remove);
    const ids = relEls().map((e) => /^rId(\d+)$/.exec(e.getAttribute("Id") ?? "")).map((m) => (m ? Number(m[1]) : 0));
    const rId = `rId${Math.max(0, ...ids) + 1}`;
    const rel = createLike(root(wbRels), "Relationship");
    rel.setAttribute("Id", rId);
    rel.setAttribute("Type", REL_SHEET);
    rel.setAttribute("Target", relTarget(WB_PATH, sheetPath));
    root(wbRels).appendChild(rel);
    wbRelsChanged = true;

    const sheets = child(wbTop, "sheets");
    if (!sheets) throw XlsxError.of("noSheetsElement", { part: WB_PATH });
    const sheetIds = children(sheets, "sheet").map((s) => Number(s.getAttribute("sheetId")) || 0);
    const sheet = createLike(sheets, "sheet");
    sheet.setAttribute("name", sheetName);
    sheet.setAttribute("sheetId", String(Math.max(0, ...sheetIds) + 1));
    // The relationship attribute takes the prefix the workbook already uses for that namespace.
    sheet.setAttributeNS(NS.rel, `${wbTop.lookupPrefix(NS.rel) ?? "r"}:id`, rId);
    sheets.appendChild(sheet);
    ct.set(sheetPath, SHEET_CT);

    const names = definedNames(wbTop);
    const mark = createLike(names, "definedName");
    mark.setAttribute("name", DASHBOARD_MARK);
    mark.setAttribute("hidden", "1");
    mark.appendChild(wb.createTextNode(`${quoteName(sheetName)}!$A$1`));
    names.appendChild(mark);
    wbChanged = true;
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
    ct.set(drawingPath, DRAWING_CONTENT_TYPE);
    layout.charts.forEach((c, i) => {
      const p = chartPaths[i] as string;
      write(p, chartXml(sheetName, c));
      ct.set(p, CHART_CONTENT_TYPE);
    });
  }

  const styles = new DashboardStyles(book.stylesXml);
  const finalLayout = sheetName === layout.sheetName ? layout : { ...layout, sheetName };
  write(sheetPath, dashboardSheetXml(finalLayout, styles, book.date1904, drawingPath ? "rId1" : null));
  if (styles.changed) replace.set("xl/styles.xml", enc.encode(styles.toXml()));

  // Our formulas carry no cached value: Excel and LibreOffice recalculate on open.
  let calc = child(wbTop, "calcPr");
  const full = calc?.getAttribute("fullCalcOnLoad");
  if (full !== "1" && full !== "true") {
    if (!calc) {
      calc = createLike(wbTop, "calcPr");
      insertInOrder(wbTop, calc, WORKBOOK_ORDER);
    }
    calc.setAttribute("fullCalcOnLoad", "1");
    wbChanged = true;
  }
  if (wbChanged) replace.set(WB_PATH, enc.encode(serializeXml(wb)));
  if (wbRelsChanged) (book.byName.has(wbRelsPath) ? replace : add).set(wbRelsPath, enc.encode(serializeXml(wbRels)));
  const ctText = serializeXml(ct.doc);
  if (ctText !== book.text(CT_PATH)) (book.byName.has(CT_PATH) ? replace : add).set(CT_PATH, enc.encode(ctText));

  atomicWrite(file, rebuild(book.buf, book.entries, replace, add, remove), probe);
  return { lang: r.model.lang, sheet: sheetName, figures: plan.figures, cells: layout.cells.length, charts: layout.charts.length, rebuilt: ours !== null, lastGraded: plan.lastGraded };
}
