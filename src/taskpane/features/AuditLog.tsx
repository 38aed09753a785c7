import { useCallback, useEffect, useState } from "react";
import {
  Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import { formatMoment } from "../dates";
import type { StringKey } from "../strings";
import type { AuditRow } from "../workbookApi";

/** How many entries the page shows: enough for a week of a team's work, small enough for one read. */
const SHOWN = 50;

// The log stores the use-case's code word (language-neutral); the pane names it in the reader's language.
const ACTION_KEY: Readonly<Record<string, StringKey>> = {
  install: "auditActionInstall", upgrade: "auditActionUpgrade", grade: "auditActionGrade", log: "auditActionLog",
};

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  table: { tableLayout: "auto" },
  cells: { textAlign: "end" },
});

/** The very hidden Audit log sheet, read-only: who changed what through the add-in, newest first. */
export function AuditLog() {
  const { api, t, lang } = usePane();
  const s = useStyles();
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const load = useCallback(() => run(() => api.auditLog(SHOWN)).then((r) => r && setRows(r)), [api, run]);
  // Read once when the page opens; Refresh reads again (a co-author may have graded since).
  useEffect(() => { void load(); }, [load]);
  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <Text>{t("auditIntro")}</Text>
      <div>
        <Button disabled={busy} onClick={() => void load()}>{t("auditRefresh")}</Button>
      </div>
      {rows && rows.length === 0 && <Text>{t("auditEmpty")}</Text>}
      {rows && rows.length > 0 && (
        <Table size="small" className={s.table} aria-label={t("auditCaption")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("auditWhen")}</TableHeaderCell>
              <TableHeaderCell>{t("auditWho")}</TableHeaderCell>
              <TableHeaderCell>{t("auditAction")}</TableHeaderCell>
              <TableHeaderCell>{t("auditTarget")}</TableHeaderCell>
              <TableHeaderCell className={s.cells}>{t("auditCells")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, n) => {
              const key = ACTION_KEY[r.action];
              return (
                <TableRow key={n}>
                  <TableCell>{formatMoment(r.when, lang)}</TableCell>
                  <TableCell>{r.user || t("auditNobody")}</TableCell>
                  <TableCell>{key ? t(key) : r.action}</TableCell>
                  <TableCell>{r.target}</TableCell>
                  <TableCell className={s.cells}>{r.cells}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
