import { useState } from "react";
import { Badge, Button, Field, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import type { GradeOutcome } from "../workbookApi";
import { GRADE_KEY, STATUS_KEY } from "../labels";
import { TierFilter, type TierChoice } from "./health/TierFilter";
import { HealthCounts } from "./health/HealthCounts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  due: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export function Grade(props: { onToast: (text: string) => void }) {
  const { api, t, lang, user } = usePane();
  const s = useStyles();
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<GradeOutcome | null>(null);
  const [tier, setTier] = useState<TierChoice>("all");
  const due = result ? result.summary.due.filter((d) => tier === "all" || d.tier === tier) : [];

  const go = async () => {
    setProgress(0);
    const out = await run(() => api.grade(user, (d, total) => setProgress(d / total)));
    setProgress(null);
    if (!out) return;
    setResult(out);
    props.onToast(t("gradeDone", { count: out.summary.customers }));
  };

  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <div>
        <Button appearance="primary" onClick={() => void go()} disabled={busy}>{t("gradeRun")}</Button>
      </div>
      {progress !== null && (
        <Field validationMessage={t("working")} validationState="none">
          <ProgressBar value={progress} />
        </Field>
      )}
      {result && (
        <>
          <Table size="small" aria-label={t("countsGrade")}>
            <TableHeader>
              <TableRow>
                {(["A", "B", "C", "toAssess", "none"] as const).map((g) => <TableHeaderCell key={g}>{t(GRADE_KEY[g])}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                {(["A", "B", "C", "toAssess", "none"] as const).map((g) => <TableCell key={g}>{result.summary.byGrade[g]}</TableCell>)}
              </TableRow>
            </TableBody>
          </Table>
          <div className={s.counts} aria-label={t("countsStatus")} role="group">
            {(["ok", "overdue", "dormant", "closed"] as const).map((k) => (
              <Badge key={k} appearance="tint" color={k === "overdue" ? "danger" : k === "dormant" ? "subtle" : k === "ok" ? "success" : "informative"}>
                {`${t(STATUS_KEY[k])} ${result.summary.byStatus[k]}`}
              </Badge>
            ))}
          </div>
          <HealthCounts health={result.summary.health} />
          <Text weight="semibold">{t("dueToday")}</Text>
          <TierFilter value={tier} onChange={setTier} />
          {due.length === 0 && <Text>{t("nothingDue")}</Text>}
          <ul className={s.due}>
            {due.slice(0, 100).map((d) => (
              <li key={`${d.row}`}>
                <Button appearance="subtle" onClick={() => void run(() => api.select(`${result.sheetName}!A${d.row}`))}>
                  {`${d.grade ? t(GRADE_KEY[d.grade]) : "—"} · ${d.id} ${d.name} · ${d.status === "dormant" ? t(STATUS_KEY.dormant) : d.daysToDue < 0 ? t("daysOverdue", { days: -d.daysToDue }) : t("dueNow")}`}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
