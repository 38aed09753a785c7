import { Inflate } from "fflate";
import type { Book } from "./book";
import { dataStart, ZipError } from "./zip";

/**
 * Streams a worksheet part: inflates it chunk by chunk and hands out the text before
 * <sheetData>, each <row> element, and the text after </sheetData> — so a sheet of a million
 * rows never becomes one string, and rows that hold nothing cost nothing.
 */
export interface RowSink {
  prefix(text: string): void;
  /** One <row> element and its 1-based number; text between rows comes with number -1. */
  row(xml: string, rowNumber: number): void;
  suffix(text: string): void;
}

/** Thrown by a sink that has read all it needs; ends the stream quietly. */
export class StopReading extends Error {}

export function streamSheet(book: Book, path: string, sink: RowSink): void {
  try {
    streamSheetOrStop(book, path, sink);
  } catch (e) {
    if (!(e instanceof StopReading)) throw e;
  }
}

function streamSheetOrStop(book: Book, path: string, sink: RowSink): void {
  const e = book.byName.get(path);
  if (!e) throw new ZipError(`missing part ${path}`);
  const splitter = new RowSplitter(sink);
  const decoder = new TextDecoder();
  const start = dataStart(book.buf, e);
  const raw = book.buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    splitter.push(decoder.decode(raw));
  } else {
    const inflate = new Inflate((chunk) => splitter.push(decoder.decode(chunk, { stream: true })));
    const step = 1 << 20;
    for (let i = 0; i < raw.length; i += step) inflate.push(raw.subarray(i, Math.min(raw.length, i + step)), i + step >= raw.length);
    if (raw.length === 0) inflate.push(new Uint8Array(0), true);
  }
  splitter.push(decoder.decode());
  splitter.end();
}

export class RowSplitter {
  private buf = "";
  private pos = 0;
  private mode: "prefix" | "rows" | "suffix" = "prefix";
  private prev = 0;
  constructor(private readonly sink: RowSink) {}

  push(text: string): void {
    if (text.length === 0) return;
    this.buf = this.pos > 0 ? this.buf.slice(this.pos) + text : this.buf + text;
    this.pos = 0;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    if (this.mode === "prefix") this.sink.prefix(this.buf.slice(this.pos));
    else this.sink.suffix(this.buf.slice(this.pos));
    this.buf = "";
    this.pos = 0;
  }

  private drain(final: boolean): void {
    const b = this.buf;
    if (this.mode === "prefix") {
      const open = /<sheetData\s*\/>|<sheetData\b[^>]*>/.exec(b.slice(this.pos));
      if (!open) return;
      const end = this.pos + open.index + open[0].length;
      if (open[0].endsWith("/>")) {
        // An empty sheet: expand it so rows can be appended.
        this.sink.prefix(b.slice(this.pos, this.pos + open.index) + "<sheetData>");
        this.pos = end;
        this.mode = "rows";
        this.buf = "</sheetData>" + b.slice(this.pos);
        this.pos = 0;
      } else {
        this.sink.prefix(b.slice(this.pos, end));
        this.pos = end;
        this.mode = "rows";
      }
    }
    if (this.mode !== "rows") return;
    const buf = this.buf;
    // Found once per chunk: searching for it at every row would make the scan quadratic.
    const endAt = buf.indexOf("</sheetData>", this.pos);
    for (;;) {
      const rowAt = buf.indexOf("<row", this.pos);
      if (endAt >= 0 && (rowAt < 0 || endAt < rowAt)) {
        this.mode = "suffix";
        if (endAt > this.pos) this.sink.row(buf.slice(this.pos, endAt), -1);
        this.pos = endAt;
        return;
      }
      if (rowAt < 0) return;
      const tagEnd = buf.indexOf(">", rowAt);
      if (tagEnd < 0) return;
      let stop: number;
      if (buf.charCodeAt(tagEnd - 1) === 47 /* / */) stop = tagEnd + 1;
      else {
        const close = buf.indexOf("</row>", tagEnd);
        if (close < 0) return;
        stop = close + 6;
      }
      const tag = buf.slice(rowAt, tagEnd);
      const m = /\sr="(\d+)"/.exec(tag);
      const n = m ? Number(m[1]) : this.prev + 1;
      this.prev = n;
      if (rowAt > this.pos) this.sink.row(buf.slice(this.pos, rowAt), -1);
      this.sink.row(buf.slice(rowAt, stop), n);
      this.pos = stop;
      if (final && this.pos >= buf.length) return;
    }
  }
}

export interface RawCellXml {
  /** 1-based column. */
  readonly col: number;
  readonly xml: string;
  readonly s: number | null;
  readonly t: string | null;
  readonly v: string | null;
  readonly f: string | null;
  readonly inline: string | null;
}

const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function colOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  return col;
}

/** The cells of a row element, in order. */
export function cellsOf(rowXml: string): RawCellXml[] {
  const out: RawCellXml[] = [];
  let next = 1;
  CELL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CELL_RE.exec(rowXml))) {
    const attrs = m[1] ?? "";
    const inner = m[2] ?? null;
    const r = /\sr="([A-Z]+)\d+"/.exec(attrs);
    const col = r && r[1] ? colOfRef(r[1]) : next;
    next = col + 1;
    const s = /\ss="(\d+)"/.exec(attrs);
    const t = /\st="(\w+)"/.exec(attrs);
    let v: string | null = null;
    let f: string | null = null;
    let inline: string | null = null;
    if (inner) {
      const vm = /<v>([\s\S]*?)<\/v>/.exec(inner);
      v = vm ? (vm[1] ?? "") : null;
      const fm = /<f\b[^>]*>([\s\S]*?)<\/f>|<f\b[^>]*\/>/.exec(inner);
      f = fm ? (fm[1] ?? "") : null;
      const im = /<is>([\s\S]*?)<\/is>/.exec(inner);
      inline = im ? (im[1] ?? "") : null;
    }
    out.push({ col, xml: m[0], s: s ? Number(s[1]) : null, t: t ? (t[1] ?? null) : null, v, f, inline });
  }
  return out;
}
