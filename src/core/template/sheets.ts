import type { Lang, Texts } from "../i18n/lang";

/** 2: customer pool (Rules rows, Days to release), Contacts table, Spoke with on Follow-ups. */
export const TEMPLATE_VERSION = 2;

export type SheetKey = "customers" | "followUps" | "contacts" | "rules" | "lists" | "guide" | "audit";

export interface SheetDef {
  readonly key: SheetKey;
  readonly name: Texts;
  /** Table name (ASCII, language-independent so formulas and code find it in either workbook). */
  readonly table?: string;
  readonly hidden?: boolean;
}

export const SHEETS: Readonly<Record<SheetKey, SheetDef>> = {
  customers: { key: "customers", name: { "zh-CN": "客户信息", "en-US": "Customers" }, table: "CRM_Customers" },
  followUps: { key: "followUps", name: { "zh-CN": "跟进记录", "en-US": "Follow-ups" }, table: "CRM_FollowUps" },
  contacts: { key: "contacts", name: { "zh-CN": "联系人", "en-US": "Contacts" }, table: "CRM_Contacts" },
  rules: { key: "rules", name: { "zh-CN": "分级规则", "en-US": "Rules" }, table: "CRM_Rules" },
  lists: { key: "lists", name: { "zh-CN": "下拉选项", "en-US": "Lists" }, hidden: true },
  guide: { key: "guide", name: { "zh-CN": "使用说明", "en-US": "Guide" } },
  audit: { key: "audit", name: { "zh-CN": "操作日志", "en-US": "Audit log" }, table: "CRM_Audit", hidden: true },
};

export const RULES_COLUMNS = {
  setting: { "zh-CN": "设置项", "en-US": "Setting" },
  value: { "zh-CN": "值", "en-US": "Value" },
  note: { "zh-CN": "说明", "en-US": "Note" },
} as const;

export const AUDIT_COLUMNS = {
  time: { "zh-CN": "时间", "en-US": "Time" },
  user: { "zh-CN": "操作人", "en-US": "User" },
  action: { "zh-CN": "操作", "en-US": "Action" },
  target: { "zh-CN": "对象", "en-US": "Target" },
  cells: { "zh-CN": "修改单元格数", "en-US": "Cells changed" },
} as const;

/** Which of our sheets a worksheet name is, in either language. */
export function sheetKeyOf(name: string): SheetKey | null {
  const n = name.trim().toLowerCase();
  for (const def of Object.values(SHEETS)) {
    if (def.name["zh-CN"] === name.trim() || def.name["en-US"].toLowerCase() === n) return def.key;
  }
  return null;
}

export function sheetName(key: SheetKey, lang: Lang): string {
  return SHEETS[key].name[lang];
}
