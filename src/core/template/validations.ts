import type { Lang } from "../i18n/lang";
import { columnLetter } from "../_lib/a1";
import { parseIsoDay } from "../_lib/calendar";
import { say } from "../i18n/catalogue";
import { RULE_DEFS } from "../rules/ruleDefs";
import type { ValidationSpec } from "../plan/installPlan";
import type { ColumnDef } from "./columns";
import { listDef } from "./lists";
import type { Positions } from "./highlights";
import { sheetName, type SheetKey } from "./sheets";
import { ruleRow } from "./rulesSheet";
import { validationTitle } from "./validationTitle";

/** Excel's last row: validations cover whole columns below the header. */
export const LAST_ROW = 1_048_576;
const DATE_MIN = parseIsoDay("2000-01-01") as number;
const DATE_MAX = parseIsoDay("2099-12-31") as number;

/**
 * Validations for a table's user columns, on whole columns below the header (never on cells
 * directly below the table only: Excel's co-authoring-safe append needs the cells below free of
 * validation that differs from the column's).
 */
export function columnValidations(sheet: SheetKey, defs: readonly ColumnDef[], p: Positions, headerRow: number, lang: Lang): ValidationSpec[] {
  const out: ValidationSpec[] = [];
  const first = headerRow + 1;
  for (const d of defs) {
    const col = p[d.key];
    if (col === undefined || d.derived) continue;
    const L = columnLetter(col);
    const range = `${L}${first}:${L}${LAST_ROW}`;
    const prompt = d.prompt ? { title: validationTitle(d.prompt.title[lang]), text: d.prompt.text[lang] } : null;
    const error = d.error ? { title: validationTitle(d.header[lang]), text: d.error[lang], style: d.warnOnly ? ("warning" as const) : ("stop" as const) } : null;
    let rule: ValidationSpec["rule"];
    switch (d.type) {
      case "list":
        rule = { kind: "list", source: `=${listDef(d.list ?? "level").name}` };
        break;
      case "date":
        rule = { kind: "date", min: DATE_MIN, max: DATE_MAX };
        break;
      case "amount":
        rule = { kind: "decimal", min: 0, max: 1e13 };
        break;
      case "phone":
        rule = { kind: "textLength", min: 7, max: 20 };
        break;
      case "email":
        rule = { kind: "custom", formula: `=ISNUMBER(SEARCH("@",${L}${first}))` };
        break;
      case "id":
        rule = sheet === "customers" ? { kind: "custom", formula: `=COUNTIF($${L}:$${L},${L}${first})=1` } : { kind: "list", source: `=CRM_CustomerIds` };
        break;
      default:
        rule = { kind: "any" };
    }
    // An ID typed on the Follow-ups sheet that is not a customer yet only warns: the customer row may come later.
    const err =
      d.type === "id" && sheet === "followUps"
        ? { title: validationTitle(d.header[lang]), text: say(lang, "workbook", "followUpIdUnknown", { sheet: sheetName("customers", lang) }), style: "warning" as const }
        : error;
    if (rule.kind === "any" && !prompt) continue;
    out.push({ sheet, range, rule, prompt, error: rule.kind === "any" ? null : err });
  }
  return out;
}

/** Each rule's value cell: a dropdown for a switch, a range for a number, with the rule's note as prompt. */
export function rulesValidations(lang: Lang): ValidationSpec[] {
  return RULE_DEFS.map((r) => {
    const range = `B${ruleRow(r.key)}`;
    const rule: ValidationSpec["rule"] =
      r.kind === "switch"
        ? { kind: "list", source: `${say(lang, "workbook", "yes")},${say(lang, "workbook", "no")}` }
        : r.kind === "integer"
          ? { kind: "whole", min: r.min, max: r.max }
          : { kind: "decimal", min: r.min, max: r.max };
    const text = say(lang, "workbook", "numberRange", { min: r.min, max: r.max });
    return {
      sheet: "rules",
      range,
      rule,
      prompt: { title: validationTitle(r.label[lang]), text: r.note[lang] },
      error: { title: validationTitle(r.label[lang]), text: r.kind === "switch" ? say(lang, "workbook", "pickYesNo") : text, style: "stop" },
    } as ValidationSpec;
  });
}
