import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import type { LocatedIssue } from "../workbookApi";
import { formatIssue } from "../../core/i18n/messages";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", padding: 0, margin: 0 },
});

export function Check() {
  const { api, t, lang } = usePane();
  const s = useStyles();
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [issues, setIssues] = useState<LocatedIssue[] | null>(null);
  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void run(() => api.check()).then((r) => r && setIssues(r))}>{t("checkRun")}</Button>
      </div>
      {issues && <Text>{issues.length === 0 ? t("checkClean") : t("checkCount", { count: issues.length })}</Text>}
      <ul className={s.list}>
        {(issues ?? []).slice(0, 200).map((i, n) => (
          <li key={n}>
            <Button appearance="subtle" disabled={!i.address} onClick={() => i.address && void run(() => api.select(i.address as string))}>
              {formatIssue(i.issue, lang)}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
