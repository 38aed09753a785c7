import { LANGS, toLang, type Lang } from "../i18n/lang";
import { normalizeLabel } from "../model/headers";
import type { RawCell, WorkbookModel } from "../model/workbookModel";
import { SHEETS } from "../template/sheets";
import { META_ROWS } from "./ruleDefs";

/** The rows of the Rules sheet that describe the workbook itself rather than a rule. */
export type MetaKey = keyof typeof META_ROWS;

const BY_LABEL = new Map<string, MetaKey>(
  (Object.keys(META_ROWS) as MetaKey[]).flatMap((k) => LANGS.map((l) => [normalizeLabel(META_ROWS[k][l]), k] as const)),
);

/**
 * Which meta row a Rules label names, in either language (spacing and case forgiven); null for a rule.
 * @example metaKeyOf("上次分级日期") === "lastGraded"; metaKeyOf(" workbook LANGUAGE ") === "language"
 */
export function metaKeyOf(label: string): MetaKey | null {
  return BY_LABEL.get(normalizeLabel(label)) ?? null;
}

type RulesRow = WorkbookModel["rules"][number];

/** The Rules row holding a meta value, or undefined when the sheet lacks it. */
export function metaRow(rows: readonly RulesRow[], key: MetaKey): RulesRow | undefined {
  return rows.find((r) => metaKeyOf(r.label) === key);
}

/**
 * The 1-based worksheet row where grading stamps its date, or null when the Rules sheet has none.
 * @example lastGradedRow(model.rules) // 4 on a fresh template
 */
export function lastGradedRow(rows: readonly RulesRow[]): number | null {
  return metaRow(rows, "lastGraded")?.row ?? null;
}

/** The language a Rules value states (`zh-CN`, `en-US`, or anything Office would say), or null for none. */
export function langValue(v: RawCell | undefined): Lang | null {
  return typeof v === "string" && v.trim() !== "" ? toLang(v) : null;
}

/** The template version a Rules value states, or null when it is not a number. */
export function versionValue(v: RawCell | undefined): number | null {
  return typeof v === "number" ? v : null;
}

/**
 * The workbook's content language: the Rules sheet says it; failing that, the language its
 * sheet names are in (a Customers sheet named in English is an English workbook; otherwise Chinese).
 * @example workbookLang([], ["Customers", "Rules"]) === "en-US"
 */
export function workbookLang(rows: readonly RulesRow[], sheetNames: readonly string[]): Lang {
  return langValue(metaRow(rows, "language")?.value) ?? langOfSheetNames(sheetNames);
}

export function langOfSheetNames(sheetNames: readonly string[]): Lang {
  return LANGS.find((l) => l !== "zh-CN" && sheetNames.includes(SHEETS.customers.name[l])) ?? "zh-CN";
}

/** The installed template version from the Rules sheet, or null for a workbook we never installed. */
export function templateVersion(rows: readonly RulesRow[]): number | null {
  return versionValue(metaRow(rows, "templateVersion")?.value);
}
