import { fromYmd, type DayNumber } from "../_lib/calendar";
import { parseAmount, parseDate } from "../model/parse";
import type { RawCell } from "../model/workbookModel";
import { listDef, type ListEntry } from "../template/lists";
import { cityStem, provinceOfCity } from "./cities";

/**
 * Reads a date in any of the forms a team's lists hold: `2025-05-01`, `2025/5/1`, `2025.5.1`,
 * `2025年5月1日`, `20250501`, an Excel serial (the reader has already shifted 1904 workbooks), a
 * date cell. Null when unreadable.
 * @example importDate("20250501") // 45778
 */
export function importDate(v: RawCell): DayNumber | null {
  if (typeof v === "string") {
    const s = v.normalize("NFKC").trim();
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (m) return fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  const p = parseDate(v);
  return p.ok ? p.value : null;
}

/**
 * Reads an amount in yuan: what the grading reader understands (`50万`, `1.2亿`, `￥500,000`) plus
 * `500k` / `1.5m` as English lists write them. Null when unreadable (a range such as `10-20万`).
 * @example importAmount("500k") // 500000
 */
export function importAmount(v: RawCell): number | null {
  if (typeof v === "string") {
    const m = /^\s*[¥￥$]?\s*(\d+(?:\.\d+)?)\s*([kKmMwW])\s*$/.exec(v.normalize("NFKC"));
    if (m) {
      const scale = { k: 1e3, m: 1e6, w: 1e4 }[(m[2] as string).toLowerCase() as "k" | "m" | "w"];
      return Math.round(Number(m[1]) * scale * 100) / 100;
    }
  }
  const p = parseAmount(v);
  return p.ok && p.value >= 0 ? p.value : null;
}

export interface Phones {
  /** Numbers recognised, in order, as digits text (`13800138000`, `0755-12345678`). */
  readonly numbers: readonly string[];
  /** Parts that did not read as a phone number, verbatim. */
  readonly unclear: readonly string[];
}

/** Area codes of three digits (010 and 02x); every other starts with a four-digit code. */
function formatLandline(d: string): string {
  const area = /^0(?:10|2\d)/.test(d) ? 3 : 4;
  return `${d.slice(0, area)}-${d.slice(area)}`;
}

function onePhone(part: string): string | null {
  let d = part.normalize("NFKC").replace(/[\s\-()（）.—]/g, "");
  d = d.replace(/^(?:\+86|0086|\+)/, "");
  if (/^86(?=1[3-9]\d{9}$)/.test(d)) d = d.slice(2);
  if (/^1[3-9]\d{9}$/.test(d)) return d;
  const ext = /^(0\d{9,11})(?:(?:转|ext|x|#)(\d{1,6}))?$/i.exec(d);
  if (ext) return formatLandline(ext[1] as string) + (ext[2] ? `-${ext[2]}` : "");
  if (/^(?:400|800)\d{7}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  return null;
}

/**
 * Splits a phone cell into numbers: spaces, dashes, `+86` / `0086` dropped; several numbers in one
 * cell (`138 0013 8000 / 0755-12345678`) each read; a number stored as a number read as its digits.
 * @example readPhones("+86 138-0013-8000") // { numbers: ["13800138000"], unclear: [] }
 */
export function readPhones(v: RawCell): Phones {
  if (v === null || typeof v === "boolean" || typeof v === "object") return { numbers: [], unclear: [] };
  const s = typeof v === "number" ? String(v) : v.trim();
  if (s === "") return { numbers: [], unclear: [] };
  const whole = onePhone(s);
  if (whole) return { numbers: [whole], unclear: [] };
  const numbers: string[] = [];
  const unclear: string[] = [];
  for (const part of s.split(/[,，;；/、|\n]+/)) {
    // Within a part, numbers are separated by spaces that also appear inside them (138 0013 8000):
    // the shortest run of words that reads as a number is one number.
    const words = part.trim().split(/\s+/).filter((w) => w !== "");
    let i = 0;
    while (i < words.length) {
      let j = i;
      let hit: string | null = null;
      for (; j < words.length; j++) {
        hit = onePhone(words.slice(i, j + 1).join(""));
        if (hit) break;
      }
      if (hit) {
        numbers.push(hit);
        i = j + 1;
      } else {
        unclear.push(words.slice(i).join(" "));
        break;
      }
    }
  }
  return { numbers, unclear };
}

/** Mobile number as digits, for matching duplicates; null for landlines and unclear values. */
export function mobileKey(phone: string): string | null {
  const n = onePhone(phone);
  return n && /^1\d{10}$/.test(n) ? n : null;
}

/** E-mail as compared: trimmed, lower case. Null when it is not an address. */
export function emailKey(v: string): string | null {
  const s = v.normalize("NFKC").trim().toLowerCase();
  return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(s) ? s : null;
}

const SIZES = listDef("size").entries;
const SIZE_BOUNDS = [1, 50, 100, 500, 1000];

/**
 * The company-size bucket a headcount falls in; a range falls in its lower bound's bucket.
 * @example companySize("100-500人") // the 100-499人 entry
 */
export function companySize(v: RawCell): ListEntry | null {
  const exact = SIZES.find((e) => typeof v === "string" && (v.trim() === e["zh-CN"] || v.trim().toLowerCase() === e["en-US"].toLowerCase()));
  if (exact) return exact;
  const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.normalize("NFKC").replace(/[,\s]/g, "") : "";
  const m = /^(?:约|大约|about)?(\d+(?:\.\d+)?)(万|千|k)?(?:人|名|员工|people|employees)?(?:(?:-|~|至|到|—)\d+(?:\.\d+)?(?:万|千|k)?(?:人|名)?|以上|\+|多人|余人)?(?:人|名)?$/i.exec(s);
  if (!m) return null;
  const scale = m[2] === "万" ? 1e4 : m[2] === "千" || m[2]?.toLowerCase() === "k" ? 1e3 : 1;
  const n = Number(m[1]) * scale;
  if (!(n >= 1)) return null;
  let idx = 0;
  for (let i = 0; i < SIZE_BOUNDS.length; i++) if (n >= (SIZE_BOUNDS[i] as number)) idx = i;
  return SIZES[idx] ?? null;
}

const PROVINCES = listDef("province").entries;
const PROVINCE_SHORT = new Map<string, ListEntry>();
for (const p of PROVINCES) {
  PROVINCE_SHORT.set(p["zh-CN"], p);
  PROVINCE_SHORT.set(p["zh-CN"].replace(/(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/, ""), p);
  PROVINCE_SHORT.set(p["en-US"].toLowerCase(), p);
  PROVINCE_SHORT.set(`${p["en-US"].toLowerCase()} province`, p);
}

/**
 * A province from its full name, its short name (广东, 内蒙古) or its English name.
 * @example provinceEntry("广东")?.["zh-CN"] // "广东省"
 */
export function provinceEntry(text: string): ListEntry | null {
  const s = text.normalize("NFKC").trim();
  return PROVINCE_SHORT.get(s) ?? PROVINCE_SHORT.get(s.toLowerCase()) ?? null;
}

const PROVINCE_BY_ZH = new Map(PROVINCES.map((p) => [p["zh-CN"], p]));

/** The province of a known prefecture-level city. */
export function provinceForCity(city: string): ListEntry | null {
  const province = provinceOfCity(city);
  return province ? (PROVINCE_BY_ZH.get(province) ?? null) : null;
}

const MUNICIPALITIES = new Set(["北京市", "天津市", "上海市", "重庆市", "香港特别行政区", "澳门特别行政区"]);

/**
 * Splits a 地区 / 所在地 cell: 「广东省深圳市」 → 广东省 + 深圳; 「深圳」 → 广东省 + 深圳;
 * 「广东」 → 广东省 alone. Null when neither a province nor a known city leads the text.
 * @example splitRegion("广东省深圳市") // { province: 广东省 entry, city: "深圳" }
 */
export function splitRegion(text: string): { province: ListEntry | null; city: string } | null {
  // A team's list repeats a few dozen regions: each is split once.
  const hit = REGIONS.get(text);
  if (hit !== undefined) return hit;
  const r = splitRegionOnce(text);
  if (REGIONS.size < 10_000) REGIONS.set(text, r);
  return r;
}

const REGIONS = new Map<string, { province: ListEntry | null; city: string } | null>();

function splitRegionOnce(text: string): { province: ListEntry | null; city: string } | null {
  const s = text.normalize("NFKC").replace(/\s/g, "");
  if (s === "") return null;
  const whole = provinceEntry(s);
  if (whole) return { province: whole, city: MUNICIPALITIES.has(whole["zh-CN"]) ? whole["zh-CN"].replace(/市$/, "") : "" };
  let best: { p: ListEntry; len: number } | null = null;
  for (const [name, p] of PROVINCE_SHORT) {
    if (/^[a-z]/.test(name)) continue;
    if (s.startsWith(name) && (!best || name.length > best.len)) best = { p, len: name.length };
  }
  if (best) {
    const rest = s.slice(best.len).replace(/^[-·,，]/, "");
    if (rest === "") return { province: best.p, city: MUNICIPALITIES.has(best.p["zh-CN"]) ? best.p["zh-CN"].replace(/市$/, "") : "" };
    const stem = cityStem(rest);
    const city = rest === stem || rest === `${stem}市` ? stem : rest;
    return { province: best.p, city };
  }
  const p = provinceForCity(s);
  if (!p) return null;
  const stem = cityStem(s);
  return { province: p, city: s === stem || s === `${stem}市` ? stem : s };
}
