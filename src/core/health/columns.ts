import type { ColumnDef } from "../template/columns";
import type { Texts } from "../i18n/lang";

const t = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });
const help = (zhTitle: string, enTitle: string, zh: string, en: string): ColumnDef["prompt"] => ({ title: t(zhTitle, enTitle), text: t(zh, en) });

/** Shown with a time: the complaint clock runs in hours. */
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";

/** The Customers table's value-tier columns, written by the same grading run as the grade. */
export const TIER_COLUMNS: readonly ColumnDef[] = [
  { key: "valueTier", header: t("价值分层", "Value tier"), type: "text", width: 9, derived: true },
  { key: "tierReason", header: t("分层依据", "Tier reason"), type: "text", width: 30, derived: true },
];

const dateTimeError = t("请输入日期和时间,例:2026-05-01 09:30。", "Enter a date and time, e.g. 2026-05-01 09:30.");

/** 投诉记录 / Complaints (seed 002's 投诉处理记录表). */
export const COMPLAINT_COLUMNS: readonly ColumnDef[] = [
  {
    key: "receivedAt",
    header: t("投诉时间", "Received at"),
    type: "date",
    width: 17,
    required: true,
    numberFormat: DATE_TIME_FORMAT,
    prompt: help(
      "投诉时间",
      "Received at",
      "客户投诉的日期和时间,从此刻起计算响应时限。例:2026-05-01 09:30",
      "When the complaint came in; the response clock starts here. Example: 2026-05-01 09:30",
    ),
    error: dateTimeError,
  },
  {
    key: "customerId",
    header: t("客户编号", "Customer ID"),
    type: "id",
    width: 16,
    required: true,
    warnOnly: true,
    prompt: help(
      "客户编号",
      "Customer ID",
      "填写「客户信息」表中的客户编号。例:KH-202605-001",
      "The customer's ID from the Customers sheet. Example: KH-202605-001",
    ),
    error: t("该客户编号不在「客户信息」表中。", "This Customer ID is not on the Customers sheet."),
  },
  { key: "customerName", header: t("客户名称", "Customer name"), type: "text", width: 24, derived: true },
  {
    key: "summary",
    header: t("问题描述", "Problem"),
    type: "text",
    width: 36,
    required: true,
    prompt: help(
      "问题描述",
      "Problem",
      "客户反映的问题,写清现象和影响。例:设备连续两天报警停机,影响产线交付",
      "What the customer reports, with its effect. Example: the machine stopped twice in two days, deliveries at risk",
    ),
  },
  {
    key: "by",
    header: t("受理人", "Handled by"),
    type: "list",
    list: "team",
    width: 9,
    required: true,
    warnOnly: true,
    prompt: help("受理人", "Handled by", "首问负责制:第一个接到投诉的人负责到底。", "Whoever takes the complaint first owns it to the end."),
    error: t("此人不在团队名单中。确定使用?", "This name is not on the team list. Use it anyway?"),
  },
  {
    key: "respondedAt",
    header: t("首次响应时间", "First response"),
    type: "date",
    width: 17,
    numberFormat: DATE_TIME_FORMAT,
    prompt: help(
      "首次响应时间",
      "First response",
      "第一次联系客户的时间,应在投诉后1小时内。例:2026-05-01 10:00",
      "When the customer was first contacted, within 1 hour of receipt. Example: 2026-05-01 10:00",
    ),
    error: dateTimeError,
  },
  {
    key: "solution",
    header: t("解决方案", "Solution"),
    type: "text",
    width: 30,
    prompt: help(
      "解决方案",
      "Solution",
      "给客户的解决方案,应在投诉后24小时内。例:更换传感器并派工程师现场调试",
      "The solution offered, within 24 hours of receipt. Example: sensor replaced, engineer on site",
    ),
  },
  {
    key: "solvedAt",
    header: t("解决时间", "Solved at"),
    type: "date",
    width: 17,
    numberFormat: DATE_TIME_FORMAT,
    prompt: help("解决时间", "Solved at", "给出解决方案的时间。例:2026-05-02 09:00", "When the solution was given. Example: 2026-05-02 09:00"),
    error: dateTimeError,
  },
  {
    key: "calledBackOn",
    header: t("回访日期", "Call-back date"),
    type: "date",
    width: 12,
    prompt: help(
      "回访日期",
      "Call-back date",
      "处理后3天内回访客户,确认问题已解决。例:2026-05-04",
      "Call the customer back within 3 days of the solution. Example: 2026-05-04",
    ),
    error: t("请输入日期,例:2026-05-04。", "Enter a date, e.g. 2026-05-04."),
  },
  {
    key: "satisfaction",
    header: t("满意度", "Satisfaction"),
    type: "number",
    width: 8,
    prompt: help(
      "满意度",
      "Satisfaction",
      "回访时客户的评价,1(很不满意)到5(很满意)。",
      "The customer's rating at the call-back, 1 (very unhappy) to 5 (very happy).",
    ),
    error: t("请输入1到5之间的整数。", "Enter a whole number from 1 to 5."),
  },
  {
    key: "improvement",
    header: t("改进措施", "Improvement"),
    type: "text",
    width: 24,
    prompt: help(
      "改进措施",
      "Improvement",
      "避免同类问题再发生的措施。例:出厂前增加传感器老化测试",
      "What stops it happening again. Example: sensor burn-in test before shipping",
    ),
  },
  // General, not Text: a formula in a Text cell would be stored as text.
  { key: "slaStatus", header: t("处理状态", "SLA status"), type: "text", width: 10, derived: true, numberFormat: "General" },
];

/** The columns grading and the check read from the Complaints table. */
export const COMPLAINT_READ_KEYS = ["receivedAt", "customerId", "respondedAt", "solvedAt", "calledBackOn"] as const;
