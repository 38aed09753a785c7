import type { Lang } from "../core/i18n/lang";
import { LANGS } from "../core/i18n/lang";
import { columnLetter } from "../core/model/workbookModel";
import { matchHeaders, normalizeLabel } from "../core/model/headers";
import { RULE_DEFS, type RuleDef } from "../core/rules/ruleDefs";
import { HEALTH_RULE_DEFS } from "../core/health/healthRules";
import { COMPLAINT_COLUMNS } from "../core/health/columns";
import { complaintHighlights } from "../core/health/install";
import { slaColumnsAt, slaFormula } from "../core/health/slaFormula";
import { sheetRef } from "../core/_lib/a1";
import type { ValidationSpec } from "../core/plan/installPlan";
import type { PlanValue } from "../core/plan/plan";
import { rulesRows } from "../core/template/rulesSheet";
import { rulesValidations } from "../core/template/validations";
import { queueValidation } from "./install";

export interface HealthUpgrade {
  readonly rules: readonly string[];
  readonly names: readonly string[];
  readonly highlights: number;
}

/** The Rules-table row and validation a fresh install would give a rule (same words, same limits). */
function freshRule(d: RuleDef, lang: Lang): { row: readonly PlanValue[]; validation: ValidationSpec } {
  const i = RULE_DEFS.indexOf(d);
  const rows = rulesRows(lang, null);
  return { row: rows[rows.length - RULE_DEFS.length + i] ?? [], validation: rulesValidations(lang)[i] as ValidationSpec };
}

/**
 * Brings an older workbook's value-tier and complaint pieces up to template version 2, each only
 * when missing: the Rules rows (appended to the Rules table, validated), the names the SLA formula
 * reads (defined before anything refers to them), the SLA formula rewritten once its names exist,
 * and the late-complaint highlight. Safe to run again: it adds nothing the second time.
 */
export async function upgradeHealth(context: Excel.RequestContext, lang: Lang): Promise<HealthUpgrade> {
  const tables = context.workbook.tables;
  const rules = tables.getItemOrNullObject("CRM_Rules");
  const rulesBody = rules.getDataBodyRange().load("values,rowIndex,columnIndex");
  const rulesSheet = rules.worksheet.load("name");
  const co = tables.getItemOrNullObject("CRM_Complaints");
  const coHeader = co.getHeaderRowRange().load("values,rowIndex,columnIndex");
  const coBody = co.getDataBodyRange().load("rowCount");
  const coSheet = co.worksheet.load("name");
  const coCf = co.getRange().conditionalFormats.getCount();
  const named = HEALTH_RULE_DEFS.filter((d) => d.name).map((d) => ({ d, item: context.workbook.names.getItemOrNullObject(d.name as string) }));
  await context.sync();

  const added: string[] = [];
  const names: string[] = [];
  if (!rules.isNullObject) {
    const rowOf = new Map<string, number>();
    rulesBody.values.forEach((r, i) => {
      if (typeof r[0] === "string") rowOf.set(normalizeLabel(r[0]), rulesBody.rowIndex + i + 1);
    });
    const find = (d: RuleDef) => LANGS.map((l) => rowOf.get(normalizeLabel(d.label[l]))).find((x) => x !== undefined);
    const missing = RULE_DEFS.filter((d) => find(d) === undefined);
    const first = rulesBody.rowIndex + rulesBody.values.length + 1;
    if (missing.length > 0) {
      rules.rows.add(
        undefined,
        // Plain values, as a fresh install's Rules rows hold: labels and notes text, values numbers or 是/否.
        missing.map((d) => freshRule(d, lang).row.map((v) => (v.kind === "text" ? v.text : v.kind === "number" ? v.value : ""))),
      );
      const valueCol = columnLetter(rulesBody.columnIndex + 2);
      missing.forEach((d, i) => {
        rowOf.set(normalizeLabel(d.label[lang]), first + i);
        queueValidation(context, rulesSheet.name, { ...freshRule(d, lang).validation, range: `${valueCol}${first + i}` });
        added.push(d.label[lang]);
      });
    }
    for (const { d, item } of named) {
      const row = find(d);
      if (!item.isNullObject || row === undefined) continue;
      context.workbook.names.add(d.name as string, `=${sheetRef(rulesSheet.name)}$${columnLetter(rulesBody.columnIndex + 2)}$${row}`);
      names.push(d.name as string);
    }
    // Names must exist before a formula, validation or highlight uses them.
    await context.sync();
  }

  let highlights = 0;
  if (!co.isNullObject) {
    const headers = (coHeader.values[0] ?? []).map((h) => String(h ?? ""));
    const p = matchHeaders(headers, COMPLAINT_COLUMNS).positions;
    const cols = Object.fromEntries(Object.entries(p).map(([k, i]) => [k, coHeader.columnIndex + 1 + i]));
    const headerRow = coHeader.rowIndex + 1;
    const sheet = context.workbook.worksheets.getItem(coSheet.name);
    const sc = slaColumnsAt(cols);
    if (names.length > 0 && sc && p.slaStatus !== undefined) {
      // Written before its names existed, the SLA formula is written again now that they do.
      const n = coBody.rowCount;
      sheet.getRangeByIndexes(headerRow, coHeader.columnIndex + p.slaStatus, n, 1).formulas = Array.from({ length: n }, (_v, i) => [
        slaFormula(sc, headerRow + 1 + i, lang),
      ]);
    }
    // getCount's result is read after the sync above (the lint rule expects load() on objects, not ClientResults).
    // eslint-disable-next-line office-addins/load-object-before-read
    if (coCf.value === 0) {
      for (const cf of complaintHighlights(cols, headerRow, headerRow + coBody.rowCount, coHeader.columnIndex + headers.length)) {
        const f = sheet.getRange(cf.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        f.custom.rule.formula = cf.formula;
        f.custom.format.fill.color = cf.fill;
        f.custom.format.font.color = cf.fontColor;
        highlights++;
      }
    }
    await context.sync();
  }
  return { rules: added, names, highlights };
}
