/** What a text bypassing the catalogues looks like, for the pseudo-locale tests (see wrap.ts). */
import { LISTS } from "../../src/core/template/lists";
import { RULE_DEFS, META_ROWS } from "../../src/core/rules/ruleDefs";
import { SHEETS, RULES_COLUMNS, AUDIT_COLUMNS } from "../../src/core/template/sheets";
import type { Texts } from "../../src/core/i18n/lang";

type Sections = Readonly<Record<string, Readonly<Record<string, string>>>>;

export function pseudo<T extends Sections>(catalogue: T): T {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, texts] of Object.entries(catalogue)) {
    out[name] = {};
    for (const [k, v] of Object.entries(texts)) (out[name] as Record<string, string>)[k] = name === "settings" ? v : `⟦${v}⟧`;
  }
  return out as unknown as T;
}

/**
 * Texts allowed unwrapped: what the definitions hold in both languages (rule labels, sheet names,
 * the Rules and Audit log headers) and list entries the same in every language (grade letters,
 * dates). Column words and list entries come from the catalogues, so they must arrive wrapped.
 */
export function definitionTexts(): string[] {
  const texts: string[] = [];
  const add = (t: Texts | undefined) => {
    if (t) texts.push(...Object.values(t));
  };
  for (const l of LISTS) for (const e of l.entries) if (new Set(Object.values(e)).size === 1) add(e);
  for (const r of RULE_DEFS) {
    add(r.label);
    add(r.note);
  }
  for (const m of Object.values(META_ROWS)) add(m);
  for (const s of Object.values(SHEETS)) add(s.name);
  for (const c of Object.values(RULES_COLUMNS)) add(c);
  for (const c of Object.values(AUDIT_COLUMNS)) add(c);
  // Longest first, so "Customer ID" goes before "ID" would.
  return [...new Set(texts.filter((t) => t.trim() !== ""))].sort((a, b) => b.length - a.length);
}

/** What is left of a text once catalogue texts, definition texts and the given data are taken out. */
export function bypassing(text: string, definitions: readonly string[], data: readonly (string | RegExp)[] = []): string {
  // Innermost first: a catalogue text may hold another as a parameter.
  let rest = text;
  for (let prev = ""; prev !== rest;) {
    prev = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, " ");
  }
  for (const d of data) rest = typeof d === "string" ? rest.split(d).join(" ") : rest.replace(d, " ");
  for (const d of definitions) rest = rest.split(d).join(" ");
  // Digits, punctuation, symbols and spaces carry no language.
  return rest.replace(/[\s\d\p{P}\p{S}]+/gu, "");
}

/**
 * The demo's columns that hold data, not words, and so are the same in a workbook of any language:
 * IDs, company names (made of Chinese trade and city words, as a China-focused team's book keeps them),
 * people's names (contacts, reps), phone numbers, WeChat IDs and e-mail addresses. Every other text
 * cell of a demo workbook must come from a catalogue.
 */
export const DEMO_DATA_COLUMNS: Readonly<Record<"customers" | "followUps" | "contacts", readonly string[]>> = {
  customers: ["id", "name", "shortName", "contact", "phone", "wechat", "email", "owner"],
  followUps: ["customerId", "customerName", "by"],
  contacts: ["customerId", "customerName", "name", "phone", "wechat", "email"],
};
