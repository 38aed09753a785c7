import type { Lang } from "../i18n/lang";
import { CUSTOMER_COLUMNS, FOLLOWUP_COLUMNS, numberFormatOf, type ColumnDef } from "../template/columns";
import { LISTS, listDef } from "../template/lists";
import { guideRows } from "../template/guide";
import { RULE_DEFS, META_ROWS } from "../rules/ruleDefs";
import { RULES_COLUMNS, AUDIT_COLUMNS, SHEETS, sheetName, TEMPLATE_VERSION, type SheetKey } from "../template/sheets";
import { columnLetter } from "../model/workbookModel";
import { headerText, matchHeaders } from "../model/headers";
import { parseIsoDay, type DayNumber } from "../_lib/calendar";
import { BLANK, date, num, text, type PlanValue } from "../plan/plan";
import { COLORS, type ConditionalFormatSpec, type InstallPlan, type NameSpec, type SheetSpec, type TableSpec, type ValidationSpec } from "../plan/install";
import { DORMANT_NAME, highlightFormulas, statusFormula, type StatusColumns } from "../template/statusFormula";
import { countdownFormula, type CountdownColumns } from "../pool/countdownFormula";
import { countdownColumnsAt } from "../pool/countdownWrites";
import { countdownHighlightSpec, poolNames } from "../pool/template";
import { CONTACT_COLUMNS } from "../contacts/columns";
import { CONTACT_POSITIONS, contactsTable, contactsValidations } from "../contacts/template";

export const LAST_ROW = 1_048_576;
const DATE_MIN = parseIsoDay("2000-01-01") as number;
const DATE_MAX = parseIsoDay("2099-12-31") as number;

/** A sheet name quoted for a formula: `'客户信息'!`, doubling any quote inside. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** Column key → 1-based worksheet column. */
export type Positions = Readonly<Record<string, number>>;

function positionsOf(defs: readonly ColumnDef[], firstColumn = 1): Positions {
  return Object.fromEntries(defs.map((d, i) => [d.key, firstColumn + i]));
}

/** Our columns a table lacks, to be added at its end (never moving a user column). */
export function missingColumns(headers: readonly unknown[], defs: readonly ColumnDef[]): ColumnDef[] {
  const { positions } = matchHeaders(headers, defs);
  return defs.filter((d) => positions[d.key] === undefined);
}

export function statusColumnsAt(p: Positions): StatusColumns | null {
  const need = ["id", "name", "stage", "grade", "lastContact", "created", "nextDue"] as const;
  if (need.some((k) => p[k] === undefined)) return null;
  const L = (k: (typeof need)[number]) => columnLetter(p[k] as number);
  return { id: L("id"), name: L("name"), stage: L("stage"), grade: L("grade"), lastContact: L("lastContact"), created: L("created"), nextDue: L("nextDue") };
}

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
    const prompt = d.prompt ? { title: d.prompt.title[lang], text: d.prompt.text[lang] } : null;
    const error = d.error ? { title: d.header[lang], text: d.error[lang], style: d.warnOnly ? ("warning" as const) : ("stop" as const) } : null;
    let rule: ValidationSpec["rule"];
    switch (d.type) {
      case "list": rule = { kind: "list", source: `=${listDef(d.list ?? "level").name}` }; break;
      case "date": rule = { kind: "date", min: DATE_MIN, max: DATE_MAX }; break;
      case "amount": rule = { kind: "decimal", min: 0, max: 1e13 }; break;
      case "phone": rule = { kind: "textLength", min: 7, max: 20 }; break;
      case "email": rule = { kind: "custom", formula: `=ISNUMBER(SEARCH("@",${L}${first}))` }; break;
      case "id":
        rule = sheet === "customers" ? { kind: "custom", formula: `=COUNTIF($${L}:$${L},${L}${first})=1` } : { kind: "list", source: `=CRM_CustomerIds` };
        break;
      default: rule = { kind: "any" };
    }
    // An ID typed on the Follow-ups sheet that is not a customer yet only warns: the customer row may come later.
    const err = d.type === "id" && sheet === "followUps" ? { title: d.header[lang], text: lang === "zh-CN" ? "该客户编号不在「客户信息」表中。" : "This Customer ID is not on the Customers sheet.", style: "warning" as const } : error;
    if (rule.kind === "any" && !prompt) continue;
    out.push({ sheet, range, rule, prompt, error: rule.kind === "any" ? null : err });
  }
  return out;
}

export function highlightRules(p: Positions, headerRow: number, lastDataRow: number, lastColumn: number): ConditionalFormatSpec[] {
  const sc = statusColumnsAt(p);
  if (!sc) return [];
  const f = highlightFormulas(sc, headerRow + 1);
  const range = `A${headerRow + 1}:${columnLetter(lastColumn)}${Math.max(lastDataRow, headerRow + 1)}`;
  return [
    { sheet: "customers", range, formula: f.overdue, fill: COLORS.overdueFill, fontColor: COLORS.overdueFont, purpose: "overdue" },
    { sheet: "customers", range, formula: f.dormant, fill: COLORS.dormantFill, fontColor: COLORS.dormantFont, purpose: "dormant" },
  ];
}

function tableOf(sheet: SheetKey, name: string, defs: readonly ColumnDef[], lang: Lang, rows: PlanValue[][], calc: (d: ColumnDef) => string | null): TableSpec {
  return {
    sheet, name, row: 1, column: 1,
    headers: defs.map((d) => headerText(d, lang)),
    rows: rows.length > 0 ? rows : [defs.map(() => BLANK)],
    numberFormats: defs.map(numberFormatOf),
    widths: defs.map((d) => d.width),
    derived: defs.map((d) => Boolean(d.derived)),
    calculated: defs.map(calc),
  };
}

/** Row of the Rules table (1-based worksheet row) holding a rule's value. */
export function ruleRow(key: string): number {
  const i = RULE_DEFS.findIndex((r) => r.key === key);
  return 2 + Object.keys(META_ROWS).length + i;
}

export function rulesRows(lang: Lang, lastGraded: DayNumber | null): PlanValue[][] {
  const yes = lang === "zh-CN" ? "是" : "Yes";
  const no = lang === "zh-CN" ? "否" : "No";
  const meta: PlanValue[][] = [
    [text(META_ROWS.language[lang]), text(lang), text(lang === "zh-CN" ? "工作簿内容语言,安装时确定" : "Content language, set at install")],
    [text(META_ROWS.templateVersion[lang]), num(TEMPLATE_VERSION), text(lang === "zh-CN" ? "请勿修改" : "Do not edit")],
    [text(META_ROWS.lastGraded[lang]), date(lastGraded), text(lang === "zh-CN" ? "最近一次运行分级的日期" : "Date of the last grading run")],
  ];
  const rules = RULE_DEFS.map((r): PlanValue[] => [
    text(r.label[lang]),
    typeof r.defaultValue === "boolean" ? text(r.defaultValue ? yes : no) : num(r.defaultValue),
    text(r.note[lang]),
  ]);
  return [...meta, ...rules];
}

function rulesValidations(lang: Lang): ValidationSpec[] {
  const zh = lang === "zh-CN";
  return RULE_DEFS.map((r) => {
    const range = `B${ruleRow(r.key)}`;
    const rule: ValidationSpec["rule"] = r.kind === "switch"
      ? { kind: "list", source: zh ? "是,否" : "Yes,No" }
      : r.kind === "integer" ? { kind: "whole", min: r.min, max: r.max } : { kind: "decimal", min: r.min, max: r.max };
    const text = zh ? `请输入 ${r.min} 到 ${r.max} 之间的数值。` : `Enter a number from ${r.min} to ${r.max}.`;
    return { sheet: "rules", range, rule, prompt: { title: r.label[lang].slice(0, 32), text: r.note[lang] }, error: { title: r.label[lang].slice(0, 32), text: r.kind === "switch" ? (zh ? "请选择 是 或 否。" : "Pick Yes or No.") : text, style: "stop" } } as ValidationSpec;
  });
}

/** The full template for a new workbook (or the sheets an existing one lacks). */
export function planInstall(lang: Lang, sample?: { customers: PlanValue[][]; followUps: PlanValue[][]; contacts?: PlanValue[][] }): InstallPlan {
  const cuPos = positionsOf(CUSTOMER_COLUMNS);
  const sc = statusColumnsAt(cuPos) as StatusColumns;
  const cuRows = sample?.customers ?? [];
  const cc = countdownColumnsAt(cuPos) as CountdownColumns;
  const customers = tableOf("customers", SHEETS.customers.table as string, CUSTOMER_COLUMNS, lang, cuRows,
    (d) => (d.key === "status" ? statusFormula(sc, "{row}", lang) : d.key === "daysToRelease" ? countdownFormula(cc, "{row}") : null));
  const followUps = tableOf("followUps", SHEETS.followUps.table as string, FOLLOWUP_COLUMNS, lang, sample?.followUps ?? [], () => null);
  const rules: TableSpec = {
    sheet: "rules", name: SHEETS.rules.table as string, row: 1, column: 1,
    headers: [RULES_COLUMNS.setting[lang], RULES_COLUMNS.value[lang], RULES_COLUMNS.note[lang]],
    rows: rulesRows(lang, null), numberFormats: ["@", "General", "@"], widths: [26, 12, 44], derived: [false, false, false], calculated: [null, null, null],
  };
  const listTables: TableSpec[] = LISTS.map((l, i) => ({
    sheet: "lists", name: `CRM_T_${l.key}`, row: 1, column: i + 1,
    headers: [l.header[lang]],
    rows: l.entries.length > 0
      ? l.entries.map((e) => [l.isDates ? date(parseIsoDay(e.zh)) : text(lang === "zh-CN" ? e.zh : e.en)])
      : [[BLANK]],
    numberFormats: [l.isDates ? "yyyy-mm-dd" : "@"], widths: [Math.min(Math.max(l.header[lang].length * 2, 12), 30)], derived: [false], calculated: [null],
  }));
  const audit: TableSpec = {
    sheet: "audit", name: SHEETS.audit.table as string, row: 1, column: 1,
    headers: Object.values(AUDIT_COLUMNS).map((c) => c[lang]),
    rows: [[BLANK, BLANK, BLANK, BLANK, BLANK]], numberFormats: ["yyyy-mm-dd hh:mm:ss", "@", "@", "@", "0"], widths: [20, 12, 14, 40, 12],
    derived: [false, false, false, false, false], calculated: [null, null, null, null, null],
  };
  const sheet = (key: SheetKey, tables: TableSpec[], freezeHeader: boolean, guide: SheetSpec["guide"] = null): SheetSpec =>
    ({ key, name: sheetName(key, lang), hidden: Boolean(SHEETS[key].hidden), tables, guide, freezeHeader });

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
  const contacts = contactsTable(lang, cuRef, cuPos, sample?.contacts ?? []);

  const validations = [
    ...columnValidations("customers", CUSTOMER_COLUMNS, cuPos, 1, lang),
    ...columnValidations("followUps", FOLLOWUP_COLUMNS, positionsOf(FOLLOWUP_COLUMNS), 1, lang),
    ...contactsValidations(columnValidations("contacts", CONTACT_COLUMNS, CONTACT_POSITIONS, 1, lang), lang),
    ...rulesValidations(lang),
  ];
  const countdownHighlight = countdownHighlightSpec(cuPos, 1, 1 + customers.rows.length);
  return {
    lang, version: TEMPLATE_VERSION,
    sheets: [
      sheet("customers", [customers], true),
      sheet("followUps", [followUps], true),
      sheet("contacts", [contacts], true),
      sheet("rules", [rules], true),
      sheet("lists", listTables, true),
      sheet("guide", [], false, guideRows(lang)),
      sheet("audit", [audit], true),
    ],
    validations,
    conditionalFormats: [...highlightRules(cuPos, 1, 1 + customers.rows.length, CUSTOMER_COLUMNS.length), ...(countdownHighlight ? [countdownHighlight] : [])],
    names,
  };
}

