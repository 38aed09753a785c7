import type { Issue } from "../issues/issue";
import type { RawCell, WorkbookModel } from "../model/workbookModel";
import { isBlank } from "../model/workbookModel";
import { normalizeLabel } from "../model/headers";
import { parseAmount } from "../model/parse";
import { RULE_DEFS, SWITCH_WORDS, type RuleDef, type RuleKey } from "./ruleDefs";
import { LANGS } from "../i18n/lang";
import { sheetName } from "../template/sheets";

export type Rules = Readonly<Record<RuleKey, number>> & { readonly strategicFloorOn: boolean; readonly workdayAdjustOn: boolean; readonly poolOn: boolean };

export function defaultRules(): Rules {
  const values = {} as Record<RuleKey, number>;
  for (const d of RULE_DEFS) values[d.key] = typeof d.defaultValue === "boolean" ? (d.defaultValue ? 1 : 0) : d.defaultValue;
  return finish(values);
}

function finish(values: Record<RuleKey, number>): Rules {
  return { ...values, strategicFloorOn: values.strategicFloor === 1, workdayAdjustOn: values.workdayAdjust === 1, poolOn: values.poolEnabled === 1 };
}

/** Finds a rule by its label in either language (or its key). */
export function ruleDefByLabel(label: string): RuleDef | undefined {
  const n = normalizeLabel(label);
  return RULE_DEFS.find((d) => normalizeLabel(d.key) === n || LANGS.some((l) => normalizeLabel(d.label[l]) === n));
}

function readValue(def: RuleDef, raw: RawCell): number | null {
  if (def.kind === "switch") {
    if (typeof raw === "boolean") return raw ? 1 : 0;
    const s = typeof raw === "string" ? normalizeLabel(raw) : typeof raw === "number" ? String(raw) : "";
    if ((SWITCH_WORDS.yes as readonly string[]).includes(s)) return 1;
    if ((SWITCH_WORDS.no as readonly string[]).includes(s)) return 0;
    return null;
  }
  const p = parseAmount(raw);
  if (!p.ok) return null;
  if (def.kind === "integer" && !Number.isInteger(p.value)) return null;
  if (p.value < def.min || p.value > def.max) return null;
  return p.value;
}

/**
 * Reads the Rules sheet. A missing row keeps its default; an unreadable or out-of-range value is an
 * issue and falls back to the default, so one typo never stops the whole team's grading.
 */
export function readRules(model: WorkbookModel): { rules: Rules; issues: Issue[] } {
  const values = { ...defaultRules() } as Record<RuleKey, number>;
  const issues: Issue[] = [];
  const name = sheetName("rules", model.lang);
  for (const row of model.rules) {
    const def = ruleDefByLabel(row.label);
    if (!def || isBlank(row.value)) continue;
    const v = readValue(def, row.value);
    if (v === null) {
      issues.push({ code: "invalidRule", severity: "error", sheet: "rules", sheetName: name, row: row.row, column: row.label, columnKey: def.key, value: String(row.value) });
    } else values[def.key] = v;
  }
  // Thresholds that cross each other would make B unreachable or A easier than B: keep defaults then.
  const defaults = defaultRules();
  const pairs: Array<[RuleKey, RuleKey]> = [["gradeA", "gradeB"], ["urgencyBDays", "urgencyADays"], ["importanceA", "importanceB"]];
  for (const [hi, lo] of pairs) {
    const a = values[hi];
    const b = values[lo];
    if (a < b) {
      const row = model.rules.find((r) => ruleDefByLabel(r.label)?.key === hi);
      issues.push({ code: "invalidRule", severity: "error", sheet: "rules", sheetName: name, row: row?.row ?? null, column: row?.label ?? null, columnKey: hi, value: String(a) });
      values[hi] = defaults[hi];
      values[lo] = defaults[lo];
    }
  }
  const weights = values.weightUrgency + values.weightImportance + values.weightFit + values.weightIntent;
  if (weights <= 0) {
    issues.push({ code: "invalidRule", severity: "error", sheet: "rules", sheetName: name, row: null, column: null, columnKey: "weightUrgency", value: "0" });
    values.weightUrgency = values.weightImportance = values.weightFit = values.weightIntent = 1;
  }
  return { rules: finish(values), issues };
}
