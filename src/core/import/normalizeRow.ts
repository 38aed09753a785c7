import type { Lang } from "../i18n/lang";
import type { RawCell } from "../model/workbookModel";
import { isBlank } from "../model/workbookModel";
import { parseText } from "../model/parse";
import { date, num, text, type PlanValue } from "../plan/plan";
import { entryLabel, type ListEntry } from "../template/lists";
import type { ColumnUse } from "./headers";
import { importText } from "./messages";
import { isContactKey } from "./contactGroups";
import { companySize, emailKey, importAmount, importDate, provinceEntry, provinceForCity, readPhones, splitRegion } from "./values";
import {
  INDUSTRY_VOCAB, LEVEL_VOCAB, LOST_REASON_VOCAB, METHOD_VOCAB, OVERRIDE_VOCAB, ROLE_VOCAB, SOURCE_VOCAB, STAGE_VOCAB, TIER_VOCAB, TYPE_VOCAB, type Vocab,
} from "./vocab";

/** A reference to a target column: one of our keys, or `user:<header>` for the user's own column. */
export type ColRef = string;
export const userRef = (header: string): ColRef => `user:${header}`;
export const isUserRef = (ref: ColRef): boolean => ref.startsWith("user:");

/** A value the importer could not read: kept verbatim, and the row is flagged. */
export interface Unclear {
  readonly column: string;
  readonly value: string;
}

export interface NormalizedRow {
  readonly values: Map<ColRef, PlanValue>;
  readonly unclear: Unclear[];
  /** Numbers beyond the first in a phone cell, moved to Notes. */
  readonly extraPhones: string[];
}

const VOCABS: Readonly<Record<string, Vocab>> = {
  type: TYPE_VOCAB, value: TIER_VOCAB, industry: INDUSTRY_VOCAB, source: SOURCE_VOCAB, role: ROLE_VOCAB,
  fit: LEVEL_VOCAB, intent: LEVEL_VOCAB, stage: STAGE_VOCAB, lostReason: LOST_REASON_VOCAB, gradeOverride: OVERRIDE_VOCAB,
  method: METHOD_VOCAB, stageChange: STAGE_VOCAB,
};
const DATE_KEYS = new Set(["closeDate", "wonDate", "created", "date", "nextDate"]);
const AMOUNT_KEYS = new Set(["amount", "wonAmount"]);

/** A raw cell as text the user would recognise (numbers as shown in General). */
export function rawString(v: RawCell): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "string") return v;
  return parseText(v);
}

/**
 * Normalises one source row into target values, in the workbook's language: dropdown labels where
 * the meaning is clear, dates, amounts, phones as digits text; anything unclear kept verbatim
 * (as text) and listed. Free text is never changed beyond trimming; it stays text, whatever it
 * starts with.
 */
export function normalizeRow(row: readonly RawCell[], uses: readonly ColumnUse[], headers: readonly string[], lang: Lang): NormalizedRow {
  const values = new Map<ColRef, PlanValue>();
  const unclear: Unclear[] = [];
  const extraPhones: string[] = [];
  const notes: string[] = [];
  const label = (e: ListEntry) => entryLabel(e, lang);
  let region: { text: string; column: string } | null = null;
  let industryText: string | null = null;
  const keep = (ref: ColRef, raw: RawCell, column: string) => {
    values.set(ref, text(rawString(raw).trim()));
    unclear.push({ column, value: rawString(raw).trim() });
  };
  uses.forEach((use, i) => {
    const raw = row[i] ?? null;
    if (raw === null || isBlank(raw)) return;
    const column = headers[i] ?? "";
    if (use.kind === "user") {
      // The user's own data keeps its type: text stays text, a number stays a number.
      values.set(userRef(use.header), typeof raw === "number" ? num(raw) : text(rawString(raw).trim()));
      return;
    }
    const key = use.key;
    // Numbered contact groups go to the Contacts table (placeContacts.ts), not the customer row.
    if (isContactKey(key)) return;
    if (key === "region") { region = { text: rawString(raw), column }; return; }
    if (key === "matchPhone") { values.set(key, text(rawString(raw).trim())); return; }
    const vocab = VOCABS[key];
    if (vocab) {
      const e = vocab.find(rawString(raw));
      if (e) {
        values.set(key, text(label(e)));
        if (key === "industry" && !vocab.isExact(rawString(raw))) industryText = rawString(raw).trim();
      } else keep(key, raw, column);
      return;
    }
    if (DATE_KEYS.has(key)) {
      const d = importDate(raw);
      if (d !== null) values.set(key, date(d));
      else keep(key, raw, column);
      return;
    }
    if (AMOUNT_KEYS.has(key)) {
      const a = importAmount(raw);
      if (a !== null) values.set(key, num(a));
      else keep(key, raw, column);
      return;
    }
    switch (key) {
      case "size": {
        const e = companySize(raw);
        if (e) values.set(key, text(label(e)));
        else keep(key, raw, column);
        return;
      }
      case "province": {
        const e = provinceEntry(rawString(raw)) ?? splitRegion(rawString(raw))?.province ?? null;
        if (e) values.set(key, text(label(e)));
        else keep(key, raw, column);
        return;
      }
      case "phone": {
        const p = readPhones(raw);
        if (p.numbers.length === 0) { keep(key, raw, column); return; }
        values.set(key, text(p.numbers[0] as string));
        extraPhones.push(...p.numbers.slice(1), ...p.unclear);
        for (const u of p.unclear) unclear.push({ column, value: u });
        return;
      }
      case "email": {
        const e = emailKey(rawString(raw));
        if (e) values.set(key, text(e));
        else keep(key, raw, column);
        return;
      }
      case "notes":
        notes.push(rawString(raw).trim());
        return;
      default:
        values.set(key, text(rawString(raw).trim()));
    }
  });
  const r = region as { text: string; column: string } | null;
  if (r) {
    const split = splitRegion(r.text);
    if (split) {
      if (!values.has("province") && split.province) values.set("province", text(label(split.province)));
      if (!values.has("city") && split.city !== "") values.set("city", text(split.city));
    } else if (!values.has("city")) keep("city", r.text, r.column);
    else unclear.push({ column: r.column, value: r.text.trim() });
  }
  const city = values.get("city");
  if (!values.has("province") && city?.kind === "text") {
    const p = provinceForCity(city.text);
    if (p) values.set("province", text(label(p)));
  }
  // The team's own words for the industry are worth keeping where the template has room for them.
  if (industryText !== null && !values.has("subIndustry")) values.set("subIndustry", text(industryText));
  if (extraPhones.length > 0) notes.push(`${importText(lang, "otherPhones")}: ${extraPhones.join(", ")}`);
  if (notes.length > 0) values.set("notes", text(notes.join("; ")));
  return { values, unclear, extraPhones };
}
