import type { Lang } from "../i18n/lang";

/**
 * Every word the import feature shows, in both languages, under typed keys (to be folded into the
 * shared catalogues). `{name}` placeholders are filled by `importText`.
 */
const ZH = {
  reportSheet: "导入报告",
  reportTitle: "导入报告:{file} → {target}({date})",
  reportSummary: "读取 {read} 行 = 新增 {added} + 合并 {merged} + 跳过 {skipped},其中 {flagged} 行需核对",
  reportNone: "所有行均已干净导入,没有需要核对的行。",
  colFile: "来源文件",
  colRow: "来源行号",
  colOutcome: "结果",
  colNotes: "说明",
  colTarget: "对应记录",
  outcomeNew: "新增",
  outcomeMerged: "合并",
  outcomeSkipped: "跳过",
  outcomeUnmatched: "未匹配",
  noteUnclear: "「{column}」的值「{value}」无法识别,已原样保留",
  noteDuplicateOf: "与已有客户 {other} 重复(按{by})",
  noteDuplicateInSource: "与来源第 {other} 行重复(按{by})",
  noteConflict: "「{column}」不一致:来源为「{value}」,已有「{other}」,未覆盖",
  noteFilled: "已补填空白:{value}",
  noteNothingNew: "没有可补充的新信息",
  noteMissingName: "缺少客户名称,未导入",
  noteIdTaken: "来源编号 {value} 已被占用,改用 {other}",
  noteExtraPhones: "其他号码已写入备注:{value}",
  noteUnmatchedCustomer: "找不到对应客户(编号、名称、电话均未匹配),未导入",
  noteAmbiguousCustomer: "名称「{value}」对应多个客户,未导入",
  noteAmbiguousMatch: "名称是新的,但电话/邮箱({value})分属不同客户,未导入;请核对后用 --map 或手工处理",
  noteCustomerWithoutId: "对应客户(第 {other} 行)没有客户编号;请先运行分级生成编号",
  noteIdenticalFollowUp: "与已有跟进记录相同(客户、日期、内容),已跳过",
  noteMissingDate: "缺少或无法识别跟进日期,未导入",
  noteFutureDate: "跟进日期晚于今天",
  byId: "客户编号",
  byName: "客户名称",
  byMobile: "手机号",
  byEmail: "邮箱",
  otherPhones: "其他电话",
  summaryLine: "{file}:读取 {read} 行 = 新增 {added} + 合并 {merged} + 跳过 {skipped},{flagged} 行需核对。{report}",
  summaryReport: "详见「{sheet}」工作表。",
  dryRun: "(试运行,未写入任何内容)",
  auditAction: "导入",
  newColumns: "新增用户列:{value}",
  errNoHeader: "在前 10 行中找不到可识别的表头(至少需要两列,如「客户名称」「联系电话」)",
  errUnknownSource: "--map 中的来源列「{value}」在文件中不存在",
  errUnknownTarget: "--map 中的目标列「{value}」不是可导入的列",
  errEmpty: "文件是空的",
  errUnreadable: "无法读取文件:{value}",
} as const;

export type ImportTextKey = keyof typeof ZH;

const EN: Record<ImportTextKey, string> = {
  reportSheet: "Import report",
  reportTitle: "Import report: {file} → {target} ({date})",
  reportSummary: "read {read} = new {added} + merged {merged} + skipped {skipped}; {flagged} rows to review",
  reportNone: "Every row was imported cleanly; nothing to review.",
  colFile: "Source file",
  colRow: "Source row",
  colOutcome: "Outcome",
  colNotes: "What happened",
  colTarget: "Record",
  outcomeNew: "New",
  outcomeMerged: "Merged",
  outcomeSkipped: "Skipped",
  outcomeUnmatched: "Unmatched",
  noteUnclear: "\"{column}\" value \"{value}\" not recognised; kept as typed",
  noteDuplicateOf: "duplicate of existing customer {other} (by {by})",
  noteDuplicateInSource: "duplicate of source row {other} (by {by})",
  noteConflict: "\"{column}\" differs: source \"{value}\", existing \"{other}\"; not overwritten",
  noteFilled: "blank cells filled: {value}",
  noteNothingNew: "nothing new to add",
  noteMissingName: "no customer name; not imported",
  noteIdTaken: "source ID {value} is taken; used {other}",
  noteExtraPhones: "other numbers moved to Notes: {value}",
  noteUnmatchedCustomer: "no matching customer (by ID, name or phone); not imported",
  noteAmbiguousCustomer: "name \"{value}\" matches several customers; not imported",
  noteAmbiguousMatch: "a new name whose phone / e-mail ({value}) belong to different customers; not imported, please check",
  noteCustomerWithoutId: "the matching customer (row {other}) has no Customer ID; grade first to generate one",
  noteIdenticalFollowUp: "same as a follow-up already logged (customer, date, summary); skipped",
  noteMissingDate: "follow-up date missing or unreadable; not imported",
  noteFutureDate: "follow-up dated after today",
  byId: "Customer ID",
  byName: "name",
  byMobile: "mobile",
  byEmail: "e-mail",
  otherPhones: "Other phones",
  summaryLine: "{file}: read {read} = new {added} + merged {merged} + skipped {skipped}; {flagged} rows to review. {report}",
  summaryReport: "See the \"{sheet}\" sheet.",
  dryRun: "(dry run: nothing was written)",
  auditAction: "Import",
  newColumns: "user columns added: {value}",
  errNoHeader: "no recognisable header in the first 10 rows (at least two columns such as \"Customer name\" and \"Phone\")",
  errUnknownSource: "--map names a source column \"{value}\" the file does not have",
  errUnknownTarget: "--map names a target \"{value}\" that cannot be imported into",
  errEmpty: "the file is empty",
  errUnreadable: "cannot read the file: {value}",
};

export const IMPORT_TEXTS: Readonly<Record<Lang, Readonly<Record<ImportTextKey, string>>>> = { "zh-CN": ZH, "en-US": EN };

/**
 * One import text in a language, placeholders filled.
 * @example importText("en-US", "noteMissingDate") // "follow-up date missing or unreadable; not imported"
 */
export function importText(lang: Lang, key: ImportTextKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return IMPORT_TEXTS[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] !== undefined ? String(vars[k]) : m));
}
