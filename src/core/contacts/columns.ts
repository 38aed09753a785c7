import type { ColumnDef } from "../template/columns";
import type { Texts } from "../i18n/lang";

const t = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });
const help = (zhTitle: string, enTitle: string, zh: string, en: string) => ({ title: t(zhTitle, enTitle), text: t(zh, en) });

/**
 * 联系人 / Contacts (seed 000's 决策链): several people per customer, each with a role. The customer row
 * keeps its main contact; this table holds the decision chain around it.
 */
export const CONTACT_COLUMNS: readonly ColumnDef[] = [
  {
    key: "customerId", header: t("客户编号", "Customer ID"), type: "id", width: 16, required: true,
    prompt: help("客户编号", "Customer ID", "该联系人所属客户的编号,见「客户信息」表。例:KH-202605-001", "The ID of this contact's customer, from the Customers sheet. Example: KH-202605-001"),
    // Only a warning: the customer row may be typed after its contacts.
    error: t("该客户编号不在「客户信息」表中。", "This Customer ID is not on the Customers sheet."), warnOnly: true,
  },
  { key: "customerName", header: t("客户名称", "Customer name"), type: "text", width: 24, derived: true, numberFormat: "General" },
  {
    key: "name", header: t("姓名", "Name"), type: "text", width: 10, required: true,
    prompt: help("姓名", "Name", "联系人姓名。例:李总", "The contact's name. Example: Director Li"),
  },
  { key: "title", header: t("职位", "Title"), type: "text", width: 12, prompt: help("职位", "Title", "例:总经理、采购经理", "Example: General manager, purchasing manager") },
  {
    key: "role", header: t("角色", "Role"), type: "list", list: "role", width: 11,
    prompt: help("角色", "Role", "决策人 / 采购对接人 / 技术对接人 / 使用人 / 影响人。A、B类客户至少要有一位决策人。", "Decision maker / Procurement / Technical / User / Influencer. A and B customers need at least one decision maker."),
    error: t("请从下拉列表中选择角色。", "Pick a role from the list."),
  },
  {
    key: "phone", header: t("电话", "Phone"), type: "phone", width: 14,
    prompt: help("电话", "Phone", "手机11位或座机(区号-号码),按文本保存。例:13812345678", "11-digit mobile or landline with area code, kept as text. Example: 13812345678"),
    error: t("电话应为7到20个字符:手机11位,座机如 021-62345678。", "A phone number has 7 to 20 characters: 11-digit mobile, or a landline such as 021-62345678."),
  },
  { key: "wechat", header: t("微信", "WeChat"), type: "text", width: 12, prompt: help("微信", "WeChat", "微信号。例:li_zong2026", "WeChat ID. Example: li_zong2026") },
  {
    key: "email", header: t("邮箱", "E-mail"), type: "email", width: 20,
    prompt: help("邮箱", "E-mail", "工作邮箱。例:li@mingyuan.com", "Work e-mail. Example: li@mingyuan.com"),
    error: t("邮箱格式不正确,应包含 @,例:li@mingyuan.com", "That is not an e-mail address; it needs an @, e.g. li@mingyuan.com"),
  },
  {
    key: "primary", header: t("主联系人", "Main contact"), type: "text", width: 9,
    prompt: help("主联系人", "Main contact", "是/否。客户信息表上的联系人即主联系人,此处可标注。", "Yes/No. The contact on the customer row is the main one; mark it here too if you list them."),
    error: t("请选择 是 或 否。", "Pick Yes or No."),
  },
  { key: "notes", header: t("备注", "Notes"), type: "text", width: 20, prompt: help("备注", "Notes", "例:只接受上午电话", "Example: calls in the morning only") },
];

/** The Follow-ups column naming whom the rep spoke to (a name from the Contacts table, or any name). */
export const CONTACT_FOLLOWUP_COLUMNS: readonly ColumnDef[] = [
  {
    key: "spokeWith", header: t("沟通联系人", "Spoke with"), type: "text", width: 12,
    prompt: help("沟通联系人", "Spoke with", "本次沟通的联系人,见「联系人」表;留空为主联系人。", "Whom you spoke to, from the Contacts sheet; blank means the main contact."),
  },
];
