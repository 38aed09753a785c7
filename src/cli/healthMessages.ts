import type { Lang } from "../core/i18n/lang";

/** The command line's words for tiers and complaints, per language (`{name}` placeholders). */
interface CliHealthText {
  readonly logged: string;
  readonly tiers: string;
  readonly complaints: string;
  readonly needs: string;
  readonly atFormat: string;
}

const TEXT: Readonly<Record<Lang, CliHealthText>> = {
  "zh-CN": {
    logged: "{file}:已登记到「投诉记录」第 {row} 行;{customer} 当前状态 {status}。",
    tiers: "价值分层:风险 {risk} · 高价值 {highValue} · 潜力 {potential} · 沉睡 {dormant} · 一般 {standard}",
    complaints: "投诉:共 {total} · 处理中 {open} · 超时 {late}",
    needs: "complaint 需要 --{flag}",
    atFormat: "--at「{value}」不是日期时间(格式 YYYY-MM-DD HH:mm)",
  },
  "en-US": {
    logged: "{file}: logged on row {row} of Complaints; {customer} is now {status}.",
    tiers: "Value tiers: Risk {risk} · High value {highValue} · Potential {potential} · Dormant {dormant} · Standard {standard}",
    complaints: "Complaints: {total} in all · {open} open · {late} late",
    needs: "complaint needs --{flag}",
    atFormat: "--at \"{value}\" is not a date and time (use YYYY-MM-DD HH:mm)",
  },
};

export function cliHealthText(lang: Lang): CliHealthText {
  return TEXT[lang];
}
