import type { Lang } from "../core/i18n/lang";
import type { GradeSummary } from "../core/usecases/grade";
import { formatIso } from "../core/_lib/calendar";
import { gradeLabel, formatIssue } from "../core/i18n/messages";
import { say } from "../core/i18n/catalogue";
import type { Issue } from "../core/issues/issue";

/** Human summary of a grading run, in the workbook's language. */
export function gradeText(s: GradeSummary, lang: Lang, file: string, cells: number, ids: number): string {
  const g = s.byGrade;
  const st = s.byStatus;
  const lines = [
    ids ? say(lang, "cli", "gradedWithIds", { file, customers: s.customers, cells, ids }) : say(lang, "cli", "graded", { file, customers: s.customers, cells }),
    say(lang, "cli", "gradeCounts", { a: g.A, b: g.B, c: g.C, toAssess: g.toAssess, none: g.none }),
    say(lang, "cli", "statusCounts", { ok: st.ok, overdue: st.overdue, dormant: st.dormant, closed: st.closed }),
  ];
  if (s.due.length > 0) {
    lines.push(say(lang, "cli", "dueHead", { shown: Math.min(10, s.due.length), total: s.due.length }));
    for (const d of s.due.slice(0, 10)) {
      const when =
        d.status === "dormant"
          ? say(lang, "status", "dormant")
          : d.daysToDue < 0
            ? say(lang, "cli", "daysOverdue", { days: -d.daysToDue })
            : say(lang, "cli", "dueToday");
      lines.push(`  ${gradeLabel(d.grade, lang) || "-"}  ${d.id}  ${d.name}  ${d.owner}  ${when}${d.nextDue !== null ? `  (${formatIso(d.nextDue)})` : ""}`);
    }
  }
  return lines.join("\n");
}

export function issuesText(issues: readonly Issue[], lang: Lang, file: string): string {
  if (issues.length === 0) return say(lang, "cli", "noProblems", { file });
  return [say(lang, "cli", "problemsFound", { file, count: issues.length }), ...issues.map((i) => `  ${formatIssue(i, lang)}`)].join("\n");
}
