import { readEntries, entryText, ZipError, type ZipEntry } from "./zip";
import { attr, textOf, unescapeXml } from "./xml";

export class XlsxError extends Error {
  constructor(message: string, readonly sheet?: string, readonly row?: number, readonly column?: string) {
    super(message);
    this.name = "XlsxError";
  }
}

export interface SheetRef {
  readonly name: string;
  readonly path: string;
  readonly rId: string;
  readonly state: string | null;
}

export interface TableRef {
  readonly path: string;
  readonly xml: string;
  readonly name: string;
  readonly ref: string;
  readonly totalsRowCount: number;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly calculated: string | null }>;
}

/** An opened .xlsx: the raw package plus the few parts every use-case needs. */
export class Book {
  readonly entries: ZipEntry[];
  readonly byName = new Map<string, ZipEntry>();
  readonly workbookXml: string;
  readonly date1904: boolean;
  readonly sheets: SheetRef[];
  readonly dateStyles: ReadonlySet<number>;
  readonly stylesXml: string | null;
  private sharedCache: string[] | null = null;

  constructor(readonly buf: Uint8Array) {
    try {
      this.entries = readEntries(buf);
    } catch (e) {
      throw new XlsxError(e instanceof ZipError ? "not an .xlsx file (not a zip package)" : "unreadable file");
    }
    for (const e of this.entries) this.byName.set(e.name, e);
    if (this.byName.has("EncryptedPackage") || this.byName.has("EncryptionInfo")) throw new XlsxError("the file is encrypted (password-protected); save an unprotected copy first");
    const wb = this.text("xl/workbook.xml");
    if (wb === null) throw new XlsxError("not an Excel workbook (xl/workbook.xml is missing)");
    this.workbookXml = wb;
    this.date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wb);
    const rels = this.rels("xl/workbook.xml");
    this.sheets = [...wb.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => {
      const tag = m[0];
      const rId = attr(tag, "r:id") ?? "";
      return { name: attr(tag, "name") ?? "", rId, path: rels.get(rId) ?? "", state: attr(tag, "state") };
    });
    this.stylesXml = this.text("xl/styles.xml");
    this.dateStyles = dateStyleIndexes(this.stylesXml ?? "");
  }

  text(name: string): string | null {
    const e = this.byName.get(name);
    return e ? entryText(this.buf, e) : null;
  }

  /** Relationship id → package path, for a part. */
  rels(part: string): Map<string, string> {
    return new Map(this.relsTyped(part).map((r) => [r.id, r.target]));
  }

  relsTyped(part: string): Array<{ id: string; type: string; target: string }> {
    const dir = part.slice(0, part.lastIndexOf("/") + 1);
    const xml = this.text(relsPathOf(part)) ?? "";
    const out: Array<{ id: string; type: string; target: string }> = [];
    for (const m of xml.matchAll(/<Relationship\b[^>]*\/?>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target");
      if (!id || !target || attr(m[0], "TargetMode") === "External") continue;
      out.push({ id, type: attr(m[0], "Type") ?? "", target: resolvePath(dir, target) });
    }
    return out;
  }

  sharedStrings(): string[] {
    if (this.sharedCache) return this.sharedCache;
    const path = this.relsTyped("xl/workbook.xml").find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
    const xml = this.text(path) ?? "";
    const out: string[] = [];
    const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) out.push(m[1] === undefined ? "" : textOf(m[1]));
    this.sharedCache = out;
    return out;
  }

  tables(sheet: SheetRef): TableRef[] {
    const out: TableRef[] = [];
    for (const r of this.relsTyped(sheet.path)) {
      if (!r.type.endsWith("/table")) continue;
      const path = r.target;
      const xml = this.text(path);
      if (!xml) continue;
      const head = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
      out.push({
        path, xml, name: attr(head, "name") ?? attr(head, "displayName") ?? "", ref: attr(head, "ref") ?? "",
        // totalsRowShown only says a totals row was ever shown; totalsRowCount says one is there now.
        totalsRowCount: Number(attr(head, "totalsRowCount") ?? 0),
        columns: [...xml.matchAll(/<tableColumn\b[^>]*?(?:\/>|>([\s\S]*?)<\/tableColumn>)/g)].map((c) => ({
          name: unescapeXml(attr(c[0], "name") ?? ""),
          calculated: c[1] ? (/<calculatedColumnFormula[^>]*>([\s\S]*?)<\/calculatedColumnFormula>/.exec(c[1])?.[1] ?? null) : null,
        })),
      });
    }
    return out;
  }
}

export function relsPathOf(part: string): string {
  const dir = part.slice(0, part.lastIndexOf("/") + 1);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

export function resolvePath(dir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Indexes into cellXfs whose number format shows a date. */
export function dateStyleIndexes(styles: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*\/?>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    custom.set(id, attr(m[0], "formatCode") ?? "");
  }
  const isDate = (id: number) => {
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    if (!code) return false;
    const stripped = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
    return /[ymd]/i.test(stripped) && !/^[#0.,%\s]*$/.test(stripped);
  };
  const out = new Set<number>();
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)) {
    if (isDate(Number(attr(m[0], "numFmtId") ?? 0))) out.add(i);
    i++;
  }
  return out;
}
