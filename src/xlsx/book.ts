import { readEntries, entryText, ZipError, type ZipEntry } from "./zip";
import { XlsxError } from "./errors";
import { NS, child, children, descendants, parseXml, root, textContent, type Document } from "./dom";
import { sharedStringItems } from "./xml";

export { XlsxError };

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
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly calculated: string | null }>;
}

const flag = (v: string | null) => v === "1" || v === "true";

/** An opened .xlsx: the raw package plus the few parts every use-case needs. */
export class Book {
  /**
   * The largest part kept inflated for a second pass (see `keepInflated`): the Customers sheet of
   * ten thousand customers is some 18 MB; a part larger than this is inflated again instead.
   */
  static keepMaxBytes = 64 << 20;
  readonly entries: ZipEntry[];
  readonly byName = new Map<string, ZipEntry>();
  readonly workbookXml: string;
  readonly workbook: Document;
  readonly date1904: boolean;
  readonly sheets: SheetRef[];
  readonly dateStyles: ReadonlySet<number>;
  readonly stylesXml: string | null;
  private sharedCache: string[] | null = null;
  private readonly toKeep = new Set<string>();
  private readonly kept = new Map<string, readonly Uint8Array[]>();

  constructor(readonly buf: Uint8Array) {
    try {
      this.entries = readEntries(buf);
    } catch (e) {
      throw XlsxError.of(e instanceof ZipError ? "notZip" : "unreadable", {});
    }
    for (const e of this.entries) this.byName.set(e.name, e);
    if (this.byName.has("EncryptedPackage") || this.byName.has("EncryptionInfo")) throw XlsxError.of("encrypted", {});
    const wbPath = "xl/workbook.xml";
    const wb = this.text(wbPath);
    if (wb === null) throw XlsxError.of("notWorkbook", {});
    this.workbookXml = wb;
    this.workbook = parseXml(wbPath, wb);
    const top = root(this.workbook);
    this.date1904 = flag(child(top, "workbookPr")?.getAttribute("date1904") ?? null);
    const rels = this.rels(wbPath);
    this.sheets = children(child(top, "sheets") ?? top, "sheet").map((s) => {
      const rId = s.getAttributeNS(NS.rel, "id") ?? "";
      return { name: s.getAttribute("name") ?? "", rId, path: rels.get(rId) ?? "", state: s.getAttribute("state") };
    });
    this.stylesXml = this.text("xl/styles.xml");
    this.dateStyles = dateStyleIndexes(this.stylesXml === null ? null : parseXml("xl/styles.xml", this.stylesXml));
  }

  text(name: string): string | null {
    const e = this.byName.get(name);
    try {
      return e ? entryText(this.buf, e) : null;
    } catch (err) {
      throw err instanceof ZipError ? XlsxError.of("zipBroken", { detail: err.message }) : err;
    }
  }

  /**
   * Asks that a part, once read whole, stay inflated for the next pass over it: a use-case reads
   * the Customers sheet, then rewrites it, and inflating it twice was a tenth of a small run.
   */
  keepInflated(path: string): void {
    const e = this.byName.get(path);
    if (e && e.size <= Book.keepMaxBytes) this.toKeep.add(path);
  }

  /** Whether a part's inflated pieces are to be kept when it is read whole. */
  keeps(path: string): boolean {
    return this.toKeep.has(path) && !this.kept.has(path);
  }

  /** A part's inflated pieces, read whole before (their size and CRC checked then), or undefined. */
  keptPieces(path: string): readonly Uint8Array[] | undefined {
    return this.kept.get(path);
  }

  /** Keeps the pieces a whole read of a part gave. */
  keepPieces(path: string, pieces: readonly Uint8Array[]): void {
    if (this.toKeep.has(path)) this.kept.set(path, pieces);
  }

  /** Lets a part's kept pieces go (it has been rewritten). */
  dropKept(path: string): void {
    this.toKeep.delete(path);
    this.kept.delete(path);
  }

  /** A part parsed, or null when the package has none. */
  xml(name: string): Document | null {
    const t = this.text(name);
    return t === null ? null : parseXml(name, t);
  }

  /** Relationship id → package path, for a part. */
  rels(part: string): Map<string, string> {
    return new Map(this.relsTyped(part).map((r) => [r.id, r.target]));
  }

  relsTyped(part: string): Array<{ id: string; type: string; target: string }> {
    const dir = part.slice(0, part.lastIndexOf("/") + 1);
    const doc = this.xml(relsPathOf(part));
    if (!doc) return [];
    const out: Array<{ id: string; type: string; target: string }> = [];
    for (const r of children(root(doc), "Relationship", NS.pkgRel)) {
      const id = r.getAttribute("Id");
      const target = r.getAttribute("Target");
      if (!id || !target || r.getAttribute("TargetMode") === "External") continue;
      out.push({ id, type: r.getAttribute("Type") ?? "", target: resolvePath(dir, target) });
    }
    return out;
  }

  sharedStrings(): string[] {
    if (this.sharedCache) return this.sharedCache;
    const path = this.relsTyped("xl/workbook.xml").find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
    const xml = this.text(path);
    this.sharedCache = xml === null ? [] : sharedStringItems(path, xml);
    return this.sharedCache;
  }

  tables(sheet: SheetRef): TableRef[] {
    const out: TableRef[] = [];
    for (const r of this.relsTyped(sheet.path)) {
      if (!r.type.endsWith("/table")) continue;
      const path = r.target;
      const xml = this.text(path);
      if (!xml) continue;
      const t = root(parseXml(path, xml));
      out.push({
        path, xml, name: t.getAttribute("name") ?? t.getAttribute("displayName") ?? "", ref: t.getAttribute("ref") ?? "",
        headerRowCount: Number(t.getAttribute("headerRowCount") ?? 1),
        // totalsRowShown only says a totals row was ever shown; totalsRowCount says one is there now.
        totalsRowCount: Number(t.getAttribute("totalsRowCount") ?? 0),
        columns: descendants(t, "tableColumn").map((c) => {
          const f = child(c, "calculatedColumnFormula");
          return { name: c.getAttribute("name") ?? "", calculated: f ? textContent(f) : null };
        }),
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

/**
 * True when a number format code shows a date: a y, m or d outside quoted text, brackets and
 * escapes, and not only digits.
 * @example isDateFormat("yyyy-mm-dd") // true
 * @example isDateFormat('0.00" days"') // false
 */
export function isDateFormat(code: string): boolean {
  const stripped = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymd]/i.test(stripped) && !/^[#0.,%\s]*$/.test(stripped);
}

/** Indexes into cellXfs whose number format shows a date. */
export function dateStyleIndexes(styles: Document | null): Set<number> {
  const out = new Set<number>();
  if (!styles) return out;
  const top = root(styles);
  const custom = new Map<number, string>();
  for (const f of children(child(top, "numFmts") ?? top, "numFmt")) custom.set(Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") ?? "");
  const isDate = (id: number) => {
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    return code ? isDateFormat(code) : false;
  };
  const xfs = child(top, "cellXfs");
  if (!xfs) return out;
  children(xfs, "xf").forEach((xf, i) => {
    if (isDate(Number(xf.getAttribute("numFmtId") ?? 0))) out.add(i);
  });
  return out;
}
