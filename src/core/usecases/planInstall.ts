import type { Lang } from "../i18n/lang";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, numberFormatOf, type ColumnDef } from "../template/columns";
import { LISTS, entryLabel, type ListDef } from "../template/lists";
import { guideRows } from "../template/guide";
import { RULES_COLUMNS, AUDIT_COLUMNS, SHEETS, sheetName, TEMPLATE_VERSION, type SheetKey } from "../template/sheets";
import { columnLetter, sheetRef } from "../_lib/a1";
import { headerText } from "../model/headers";
import { parseIsoDay } from "../_lib/calendar";
import { BLANK, date, text, type PlanValue } from "../plan/plan";
import type { InstallPlan, NameSpec, SheetSpec, TableSpec } from "../plan/installPlan";
import { DORMANT_NAME, statusFormula, type StatusColumns } from "../template/statusFormula";
import { highlightRules, positionsOf, statusColumnsAt } from "../template/highlights";
import { columnValidations, rulesValidations } from "../template/validations";
import { ruleRow, rulesRows } from "../template/rulesSheet";
import { countdownFormula, type CountdownColumns } from "../pool/countdownFormula";
import { countdownColumnsAt } from "../pool/countdownWrites";
import { countdownHighlightSpec, poolNames } from "../pool/template";
import { CONTACT_COLUMNS } from "../contacts/columns";
import { CONTACT_POSITIONS, contactsTable, contactsValidations } from "../contacts/template";
import { complaintHighlights, complaintsTable, complaintValidations, COMPLAINT_POSITIONS, healthNames } from "../health/install";
import { COMPLAINT_COLUMNS } from "../health/columns";

function tableOf(sheet: SheetKey, name: string, defs: readonly ColumnDef[], lang: Lang, rows: PlanValue[][], calc: (d: ColumnDef) => string | null): TableSpec {
  return {
    sheet,
    name,
    row: 1,
    column: 1,
    headers: defs.map((d) => headerText(d, lang)),
    rows: rows.length > 0 ? rows : [defs.map(() => BLANK)],
    numberFormats: defs.map(numberFormatOf),
    widths: defs.map((d) => d.width),
    derived: defs.map((d) => Boolean(d.derived)),
    calculated: defs.map(calc),
  };
}

/** The full template for a new workbook (or the sheets an existing one lacks). */
/**
 * The whole template as a plan; `sample` adds rows, and its `team` fills the Sales team list (the Owner
 * and By dropdowns), which is otherwise left for a manager to fill.
 * @example planInstall("zh-CN", { customers: [], followUps: [], team: ["张伟"] })
 */
/** A list's rows: its entries, then any names given (the team), or one blank row for an empty list. */
function listRows(l: ListDef, lang: Lang, names: readonly string[]): PlanValue[][] {
  const rows = [...l.entries.map((e) => [l.isDates ? date(parseIsoDay(e["zh-CN"])) : text(entryLabel(e, lang))]), ...names.map((n) => [text(n)])];
  return rows.length > 0 ? rows : [[BLANK]];
}

export function planInstall(lang: Lang, sample?: { customers: PlanValue[][]; followUps: PlanValue[][]; team?: readonly string[]; contacts?: PlanValue[][]; complaints?: PlanValue[][] }): InstallPlan {
  const cuPos = positionsOf(CUSTOMER_COLUMNS);
  const sc = statusColumnsAt(cuPos) as StatusColumns;
  const cuRows = sample?.customers ?? [];
  const cc = countdownColumnsAt(cuPos) as CountdownColumns;
  const customers = tableOf("customers", SHEETS.customers.table as string, CUSTOMER_COLUMNS, lang, cuRows, (d) =>
    d.key === "status" ? statusFormula(sc, "{row}", lang) : d.key === "daysToRelease" ? countdownFormula(cc, "{row}") : null,
  );
  const followUps = tableOf("followUps", SHEETS.followUps.table as string, FOLLOWUP_COLUMNS, lang, sample?.followUps ?? [], () => null);
  const rules: TableSpec = {
    sheet: "rules",
    name: SHEETS.rules.table as string,
    row: 1,
    column: 1,
    headers: [RULES_COLUMNS.setting[lang], RULES_COLUMNS.value[lang], RULES_COLUMNS.note[lang]],
    rows: rulesRows(lang, null),
    numberFormats: ["@", "General", "@"],
    widths: [26, 12, 44],
    derived: [false, false, false],
    calculated: [null, null, null],
  };
  const listTables: TableSpec[] = LISTS.map((l, i) => ({
    sheet: "lists",
    name: `CRM_T_${l.key}`,
    row: 1,
    column: i + 1,
    headers: [l.header[lang]],
    rows: listRows(l, lang, l.key === "team" ? (sample?.team ?? []) : []),
    numberFormats: [l.isDates ? "yyyy-mm-dd" : "@"],
    widths: [Math.min(Math.max(l.header[lang].length * 2, 12), 30)],
    derived: [false],
    calculated: [null],
  }));
  const audit: TableSpec = {
    sheet: "audit",
    name: SHEETS.audit.table as string,
    row: 1,
    column: 1,
    headers: Object.values(AUDIT_COLUMNS).map((c) => c[lang]),
    rows: [[BLANK, BLANK, BLANK, BLANK, BLANK]],
    numberFormats: ["yyyy-mm-dd hh:mm:ss", "@", "@", "@", "0"],
    widths: [20, 12, 14, 40, 12],
    derived: [false, false, false, false, false],
    calculated: [null, null, null, null, null],
  };
  const sheet = (key: SheetKey, tables: TableSpec[], freezeHeader: boolean, guide: SheetSpec["guide"] = null): SheetSpec => ({
    key,
    name: sheetName(key, lang),
    hidden: Boolean(SHEETS[key].hidden),
    tables,
    guide,
    freezeHeader,
  });

  const listsRef = sheetRef(sheetName("lists", lang));
  const names: NameSpec[] = LISTS.map((l, i) => {
    const c = columnLetter(i + 1);
    // INDEX/COUNTA instead of OFFSET or a structured reference: not volatile, grows with the list, and
    // Excel 2016, WPS and LibreOffice all read it.
    return { name: l.name, formula: `=${listsRef}$${c}$2:INDEX(${listsRef}$${c}:$${c},MAX(2,COUNTA(${listsRef}$${c}:$${c})))` };
  });
  const cuRef = sheetRef(sheetName("customers", lang));
  const idCol = columnLetter(cuPos.id as number);
  names.push({ name: "CRM_CustomerIds", formula: `=${cuRef}$${idCol}$2:INDEX(${cuRef}$${idCol}:$${idCol},MAX(2,COUNTA(${cuRef}$${idCol}:$${idCol})))` });
  names.push({ name: DORMANT_NAME, formula: `=${sheetRef(sheetName("rules", lang))}$B$${ruleRow("dormantDays")}` });
  names.push(...poolNames(sheetRef(sheetName("rules", lang)), ruleRow));
  names.push(...healthNames(lang, ruleRow));
  const contacts = contactsTable(lang, cuRef, cuPos, sample?.contacts ?? []);

  const validations = [
    ...columnValidations("customers", CUSTOMER_COLUMNS, cuPos, 1, lang),
    ...columnValidations("followUps", FOLLOWUP_COLUMNS, positionsOf(FOLLOWUP_COLUMNS), 1, lang),
    ...contactsValidations(columnValidations("contacts", CONTACT_COLUMNS, CONTACT_POSITIONS, 1, lang), lang),
    ...complaintValidations(lang),
    ...rulesValidations(lang),
  ];
  const countdownHighlight = countdownHighlightSpec(cuPos, 1, 1 + customers.rows.length);
  return {
    lang,
    version: TEMPLATE_VERSION,
    sheets: [
      sheet("customers", [customers], true),
      sheet("followUps", [followUps], true),
      sheet("contacts", [contacts], true),
      sheet("complaints", [complaintsTable(lang, sample?.complaints ?? [])], true),
      sheet("rules", [rules], true),
      sheet("lists", listTables, true),
      sheet("guide", [], false, guideRows(lang)),
      sheet("audit", [audit], true),
    ],
    validations,
    conditionalFormats: [
      ...highlightRules(cuPos, 1, 1 + customers.rows.length, CUSTOMER_COLUMNS.length),
      ...(countdownHighlight ? [countdownHighlight] : []),
      ...complaintHighlights(COMPLAINT_POSITIONS, 1, 1 + Math.max(1, sample?.complaints?.length ?? 0), COMPLAINT_COLUMNS.length),
    ],
    names,
  };
}
