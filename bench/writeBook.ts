/**
 * Writes bench workbooks fast: our template (or a formula-only peer) with generated rows streamed
 * straight into sheet XML — exceljs cannot write a million rows in reasonable time.
 */
import type { RawCell } from "../src/core/model/workbookModel";
import { Book } from "../src/xlsx/book";
import { rebuild, DeflateStream, type Deflated } from "../src/xlsx/zip";

const strToU8 = (s: string) => new TextEncoder().encode(s);
import { escapeXml } from "../src/xlsx/xml";
import { columnLetters } from "../src/xlsx/read";
import { templateWorkbook } from "../src/xlsx/init";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, type ColumnDef } from "../src/core/template/columns";
import { headerText } from "../src/core/model/headers";
import { statusFormula } from "../src/core/template/statusFormula";
import { statusColumnsAt } from "../src/core/template/highlights";
import type { BenchData } from "./data";

class Streamer {
  private buf: string[] = [];
  private len = 0;
  private readonly d = new DeflateStream();
  async write(s: string): Promise<void> {
    this.buf.push(s);
    this.len += s.length;
    if (this.len > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const text = this.buf.join("");
    this.buf = [];
    this.len = 0;
    await this.d.push(Buffer.from(text, "utf8"));
  }
  async end(): Promise<Deflated> {
    await this.flush();
    return this.d.end();
  }
}

function cell(ref: string, v: RawCell, dateStyle: number | null, isDate: boolean): string {
  if (v === null) return "";
  if (typeof v === "number") return `<c r="${ref}"${isDate && dateStyle !== null ? ` s="${dateStyle}"` : ""}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "object") return "";
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
}

async function sheetRows(s: Streamer, defs: readonly ColumnDef[], cols: Record<string, RawCell[]>, rows: number, dateStyle: number | null, extra?: (row: number) => string): Promise<void> {
  await s.write(`<row r="1">${defs.map((d, j) => `<c r="${columnLetters(j + 1)}1" t="inlineStr"><is><t>${escapeXml(headerText(d, "zh-CN"))}</t></is></c>`).join("")}</row>`);
  const present = defs.map((d, j) => ({ j, key: d.key, date: d.type === "date", values: cols[d.key] }));
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    let x = `<row r="${r}">`;
    for (const p of present) if (p.values) x += cell(`${columnLetters(p.j + 1)}${r}`, p.values[i] ?? null, dateStyle, p.date);
    if (extra) x += extra(r);
    await s.write(`${x}</row>`);
  }
}

/** Our template with the data in its tables (status formulas included, derived columns empty). */
export async function ourWorkbook(data: BenchData): Promise<Uint8Array> {
  const template = new Book(await templateWorkbook("zh-CN"));
  const n = data.customers.id?.length ?? 0;
  const m = data.followUps.date?.length ?? 0;
  const styles = template.stylesXml ?? "";
  const dateStyle = [...template.dateStyles][0] ?? null;
  void styles;
  const replace = new Map<string, Uint8Array | Deflated>();
  const pos = Object.fromEntries(CUSTOMER_COLUMNS.map((c, i) => [c.key, i + 1]));
  const sc = statusColumnsAt(pos);
  const statusCol = columnLetters((pos.status as number));
  for (const [idx, defs, cols, rows] of [[0, CUSTOMER_COLUMNS, data.customers, n], [1, FOLLOWUP_COLUMNS, data.followUps, m]] as const) {
    const sheet = template.sheets[idx];
    if (!sheet) throw new Error("template sheet missing");
    const xml = template.text(sheet.path) ?? "";
    const start = xml.indexOf("<sheetData");
    const end = xml.indexOf("</sheetData>") + "</sheetData>".length;
    const last = rows + 1;
    const s = new Streamer();
    await s.write(xml.slice(0, start).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${columnLetters(defs.length)}${last}"/>`));
    await s.write("<sheetData>");
    await sheetRows(s, defs, cols, rows, dateStyle, idx === 0 && sc ? (r) => `<c r="${statusCol}${r}"><f>${escapeXml(statusFormula(sc, r, "zh-CN").slice(1))}</f></c>` : undefined);
    await s.write("</sheetData>");
    await s.write(xml.slice(end).replace(/(<conditionalFormatting\b[^>]*sqref="A2:)([A-Z]+)2"/g, `$1$2${last}"`));
    replace.set(sheet.path, await s.end());
    for (const t of template.tables(sheet)) {
      replace.set(t.path, new TextEncoder().encode(t.xml.replace(/ref="A1:([A-Z]+)2"/g, `ref="A1:$1${last}"`)));
    }
  }
  return rebuild(template.buf, template.entries, replace);
}

/**
 * The workbook a user builds instead: last contact with MAXIFS per customer, grade and status with
 * IF formulas (written with _xlfn. prefixes, as Excel stores them).
 */
export function peerWorkbook(data: BenchData): Uint8Array {
  const n = data.customers.id?.length ?? 0;
  const m = data.followUps.date?.length ?? 0;
  const esc = escapeXml;
  const rows: string[] = [];
  rows.push(`<row r="1">${["客户编号", "客户名称", "预计成交日期", "预计金额", "匹配度", "合作意向", "当前阶段", "建档日期", "最近跟进日期", "客户等级", "下次跟进日期", "跟进状态"].map((h, j) => `<c r="${columnLetters(j + 1)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row>`);
  const c = data.customers;
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const v = (k: string) => c[k]?.[i] ?? null;
    const pts = (ref: string) => `IF(${ref}="高",3,IF(${ref}="中",2,IF(${ref}="低",1,0)))`;
    const grade = `IF(OR(G${r}="输单",G${r}="已流失",G${r}="无效线索",G${r}="已成交",G${r}="售后维护"),"",IF((IF(C${r}="",0,1)+IF(D${r}="",0,1)+IF(E${r}="",0,1)+IF(F${r}="",0,1))<2,"待评估",IF((IF(C${r}="",0,IF(C${r}-TODAY()<0,1,IF(C${r}-TODAY()<=30,3,IF(C${r}-TODAY()<=90,2,1))))+IF(D${r}="",0,IF(D${r}>=500000,3,IF(D${r}>=100000,2,1)))+${pts(`E${r}`)}+${pts(`F${r}`)})/(IF(C${r}="",0,1)+IF(D${r}="",0,1)+IF(E${r}="",0,1)+IF(F${r}="",0,1))>=2.5,"A",IF((IF(C${r}="",0,IF(C${r}-TODAY()<0,1,IF(C${r}-TODAY()<=30,3,IF(C${r}-TODAY()<=90,2,1))))+IF(D${r}="",0,IF(D${r}>=500000,3,IF(D${r}>=100000,2,1)))+${pts(`E${r}`)}+${pts(`F${r}`)})/(IF(C${r}="",0,1)+IF(D${r}="",0,1)+IF(E${r}="",0,1)+IF(F${r}="",0,1))>=1.75,"B","C"))))`;
    const next = `IF(I${r}=0,H${r}+2,I${r}+IF(J${r}="A",7,IF(J${r}="B",14,30)))`;
    const status = `IF(OR(G${r}="输单",G${r}="已流失",G${r}="无效线索"),"已关闭",IF(AND(TODAY()-IF(I${r}=0,H${r},I${r})>=180,OR(J${r}="C",J${r}="待评估",J${r}="")),"沉睡",IF(TODAY()>K${r},"逾期","正常")))`;
    const txt = (col: string, s: RawCell) => (s === null ? "" : `<c r="${col}${r}" t="inlineStr"><is><t>${esc(String(s))}</t></is></c>`);
    const num = (col: string, s: RawCell) => (typeof s === "number" ? `<c r="${col}${r}"><v>${s}</v></c>` : "");
    rows.push(`<row r="${r}">${txt("A", v("id"))}${txt("B", v("name"))}${num("C", v("closeDate"))}${num("D", v("amount"))}${txt("E", v("fit"))}${txt("F", v("intent"))}${txt("G", v("stage"))}${num("H", v("created"))}<c r="I${r}"><f>_xlfn.MAXIFS(跟进记录!$A$2:$A$${m + 1},跟进记录!$B$2:$B$${m + 1},A${r})</f></c><c r="J${r}" t="str"><f>${esc(grade)}</f></c><c r="K${r}"><f>${esc(next)}</f></c><c r="L${r}" t="str"><f>${esc(status)}</f></c></row>`);
  }
  const fuRows: string[] = [`<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>客户编号</t></is></c></row>`];
  const f = data.followUps;
  for (let k = 0; k < m; k++) fuRows.push(`<row r="${k + 2}"><c r="A${k + 2}"><v>${f.date?.[k]}</v></c><c r="B${k + 2}" t="inlineStr"><is><t>${f.customerId?.[k]}</t></is></c></row>`);
  const sheet = (body: string[]) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join("")}</sheetData></worksheet>`);
  return rebuild(new Uint8Array(0), [], new Map(), new Map(Object.entries({
    "[Content_Types].xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户信息" sheetId="1" r:id="rId1"/><sheet name="跟进记录" sheetId="2" r:id="rId2"/></sheets><calcPr fullCalcOnLoad="1"/></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": sheet(rows),
    "xl/worksheets/sheet2.xml": sheet(fuRows),
  })));
}
