import type { InstallOutcome } from "./install";
import { queueValidation } from "./install";
import { readStructure } from "./structure";
import { queueWrite } from "./writeCells";
import { POOL_RULE_DEFS } from "../core/pool/poolRuleDefs";
import { POOL_CUSTOMER_COLUMNS } from "../core/pool/columns";
import { countdownFormula } from "../core/pool/countdownFormula";
import { countdownColumns } from "../core/pool/countdownWrites";
import { countdownHighlight } from "../core/pool/template";
import { normalizeLabel, headerText } from "../core/model/headers";
import { columnLetter } from "../core/model/workbookModel";
import { num, text } from "../core/plan/plan";
import { sheetRef } from "../core/_lib/a1";
import { teamOpsTexts } from "../core/pool/i18n";
import type { ColumnDef } from "../core/template/columns";
import { validationTitle } from "../core/template/validationTitle";
import type { Lang } from "../core/i18n/lang";

/**
 * What an upgrade to the pool's template adds beyond sheets and columns: the pool's Rules rows at
 * the Rules table's end with their validation and names (a first install creates those itself), and
 * in a just-added 距释放(天) column the live formula and its red highlight. Never touches a user cell.
 */
export async function upgradeTeamOps(out: InstallOutcome): Promise<string[]> {
  if (out.kind !== "upgraded") return [];
  const lang: Lang = out.lang;
  return Excel.run(async (context) => {
    const s = await readStructure(context);
    const names = POOL_RULE_DEFS.flatMap((d) => (d.name ? [{ def: d, item: context.workbook.names.getItemOrNullObject(d.name) }] : []));
    for (const n of names) n.item.load("name");
    await context.sync();
    const added: string[] = [];
    const rules = s.tables.rules;
    const rowOf = new Map<string, number>();
    for (const d of POOL_RULE_DEFS) {
      const r = s.rulesRows.find((x) => normalizeLabel(x.label) === normalizeLabel(d.label["zh-CN"]) || normalizeLabel(x.label) === normalizeLabel(d.label["en-US"]));
      if (r) rowOf.set(d.key, r.row);
    }
    const missing = POOL_RULE_DEFS.filter((d) => !rowOf.has(d.key));
    if (rules?.exists) {
      const w = teamOpsTexts(lang).words;
      const ws = context.workbook.worksheets.getItem(rules.sheetName);
      const valueCol = columnLetter(rules.columnIndex + 2);
      if (missing.length > 0) {
        const firstRow = rules.headerRowIndex + 2 + rules.rowCount;
        const rows = missing.map((d) => [text(d.label[lang]), typeof d.defaultValue === "boolean" ? text(d.defaultValue ? w.yes : w.no) : num(d.defaultValue), text(d.note[lang])]);
        rules.table.rows.add(undefined, rows.map(() => ["", "", ""]));
        queueWrite(ws.getRangeByIndexes(firstRow - 1, rules.columnIndex, rows.length, 3), rows);
        missing.forEach((d, i) => {
          const row = firstRow + i;
          rowOf.set(d.key, row);
          queueValidation(context, rules.sheetName, {
            sheet: "rules", range: `${valueCol}${row}`,
            rule: d.kind === "switch" ? { kind: "list", source: `${w.yes},${w.no}` } : { kind: "whole", min: d.min, max: d.max },
            prompt: { title: validationTitle(d.label[lang]), text: d.note[lang] }, error: null,
          });
          added.push(d.label[lang]);
        });
      }
      // The countdown reads the rows through names; an older workbook (or one adopted from a plain sheet) lacks them.
      const ref = sheetRef(rules.sheetName);
      for (const n of names) {
        const row = rowOf.get(n.def.key);
        if (n.item.isNullObject && row !== undefined && n.def.name) context.workbook.names.add(n.def.name, `=${ref}$${valueCol}$${row}`);
      }
    }
    const cu = s.tables.customers;
    const column = POOL_CUSTOMER_COLUMNS[0] as ColumnDef;
    const p = cu?.positions.daysToRelease;
    if (cu?.exists && p !== undefined && out.columns.includes(headerText(column, lang))) {
      const cc = countdownColumns({ sheet: "customers", sheetName: cu.sheetName, headerRow: cu.headerRowIndex + 1, firstColumn: cu.columnIndex + 1, rowCount: cu.rowCount, headers: cu.headers, positions: cu.positions, cols: {} });
      const ws = context.workbook.worksheets.getItem(cu.sheetName);
      const first = cu.headerRowIndex + 2;
      if (cc && cu.rowCount > 0) {
        ws.getRangeByIndexes(first - 1, cu.columnIndex + p, cu.rowCount, 1).formulas = Array.from({ length: cu.rowCount }, (_, i) => [countdownFormula(cc, first + i)]);
      }
      const L = columnLetter(cu.columnIndex + 1 + p);
      const cf = ws.getRange(`${L}${first}:${L}${first + Math.max(cu.rowCount, 1) - 1}`).conditionalFormats.add(Excel.ConditionalFormatType.custom);
      const h = countdownHighlight(L, first);
      cf.custom.rule.formula = h.formula;
      cf.custom.format.fill.color = h.fill;
      cf.custom.format.font.color = h.fontColor;
    }
    await context.sync();
    return added;
  });
}
