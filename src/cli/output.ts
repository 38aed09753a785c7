import type { Lang } from "../core/i18n/lang";
import type { GradeSummary } from "../core/usecases/grade";
import { formatIso } from "../core/_lib/calendar";
import { gradeLabel, formatIssue } from "../core/i18n/messages";
import { STATUS_LABELS } from "../core/i18n/labels";
import type { Issue } from "../core/checks/issue";

/** Human summary of a grading run, in the workbook's language. */
export function gradeText(s: GradeSummary, lang: Lang, file: string, cells: number, ids: number): string {
  const zh = lang === "zh-CN";
  const g = s.byGrade;
  const st = s.byStatus;
  const lines = [
    zh ? `${file}:已为 ${s.customers} 个客户分级,写入 ${cells} 个单元格${ids ? `,生成 ${ids} 个客户编号` : ""}。` : `${file}: graded ${s.customers} customers, wrote ${cells} cells${ids ? `, generated ${ids} customer IDs` : ""}.`,
    zh ? `等级:A ${g.A} · B ${g.B} · C ${g.C} · 待评估 ${g.toAssess} · 不分级 ${g.none}` : `Grades: A ${g.A} · B ${g.B} · C ${g.C} · to assess ${g.toAssess} · no grade ${g.none}`,
    zh ? `状态:正常 ${st.ok} · 逾期 ${st.overdue} · 沉睡 ${st.dormant} · 已关闭 ${st.closed}` : `Status: OK ${st.ok} · overdue ${st.overdue} · dormant ${st.dormant} · closed ${st.closed}`,
  ];
  if (s.due.length > 0) {
    lines.push(zh ? `今日待跟进(前 ${Math.min(10, s.due.length)} 个,共 ${s.due.length} 个):` : `Due today (top ${Math.min(10, s.due.length)} of ${s.due.length}):`);
    for (const d of s.due.slice(0, 10)) {
      const when = d.status === "dormant" ? STATUS_LABELS.dormant[lang] : d.daysToDue < 0 ? (zh ? `逾期 ${-d.daysToDue} 天` : `${-d.daysToDue} days overdue`) : zh ? "今天到期" : "due today";
      lines.push(`  ${gradeLabel(d.grade, lang) || "-"}  ${d.id}  ${d.name}  ${d.owner}  ${when}${d.nextDue !== null ? `  (${formatIso(d.nextDue)})` : ""}`);
    }
  }
  return lines.join("\n");
}

export function issuesText(issues: readonly Issue[], lang: Lang, file: string): string {
  const zh = lang === "zh-CN";
  if (issues.length === 0) return zh ? `${file}:未发现问题。` : `${file}: no problems found.`;
  const head = zh ? `${file}:发现 ${issues.length} 个问题` : `${file}: ${issues.length} problems found`;
  return [head, ...issues.map((i) => `  ${formatIssue(i, lang)}`)].join("\n");
}
