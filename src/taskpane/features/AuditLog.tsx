import { useCallback, useEffect, useState } from "react";
import {
  Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import { momentParts } from "../dates";
import type { StringKey } from "../strings";
import type { AuditRow } from "../workbookApi";

/** How many entries the page shows: enough for a week of a team's work, small enough for one read. */
const SHOWN = 50;

// The log stores the use-case's code word (language-neutral); the pane names it in the reader's language.
const ACTION_KEY: Readonly<Record<string, StringKey>> = {
  install: "auditActionInstall", upgrade: "auditActionUpgrade", grade: "auditActionGrade", log: "auditActionLog",
};

// Five columns in a pane that may be 320 px wide: fixed shares and caption-size text, so the table
// never scrolls sideways; the day and the time wrap apart, long targets wrap anywhere.
const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  table: { tableLayout: "fixed", width: "100%", fontSize: tokens.fontSizeBase200 },
  when: { width: "27%" },
  who: { width: "17%" },
  action: { width: "18%" },
  cells: { width: "12%", textAlign: "end" },
  tight: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  target: { overflowWrap: "anywhere" },
  keep: { whiteSpace: "nowrap" },
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
              <TableHeaderCell className={mergeClasses(s.tight, s.when)}>{t("auditWhen")}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.tight, s.who)}>{t("auditWho")}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.tight, s.action)}>{t("auditAction")}</TableHeaderCell>
              <TableHeaderCell className={s.tight}>{t("auditTarget")}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.tight, s.cells)}>{t("auditCells")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, n) => {
              const key = ACTION_KEY[r.action];
              const when = momentParts(r.when, lang);
              return (
                <TableRow key={n}>
                  <TableCell className={s.tight}>{when ? <><span className={s.keep}>{when.day}</span> <span className={s.keep}>{when.time}</span></> : "—"}</TableCell>
                  <TableCell className={mergeClasses(s.tight, s.target)}>{r.user || t("auditNobody")}</TableCell>
                  <TableCell className={s.tight}>{key ? t(key) : r.action}</TableCell>
                  <TableCell className={mergeClasses(s.tight, s.target)}>{r.target}</TableCell>
                  <TableCell className={mergeClasses(s.tight, s.cells)}>{r.cells}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
