import { useEffect, useState } from "react";
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import type { OverviewOutcome } from "../workbookApi";
import { KPI_KEYS, OWNER_KEYS, TIER_KEYS, type KpiKey, type OwnerKey } from "../../core/dashboard/figures";
import { healthText } from "../../core/health/messages";
import { dashText, type DashboardMessageKey } from "../../core/dashboard/messages";
import { ownRowFirst } from "../../core/dashboard";

const KPI_TEXT: Readonly<Record<KpiKey, DashboardMessageKey>> = {
  open: "kpiOpen", a: "kpiA", overdue: "kpiOverdue", dormant: "kpiDormant", dueThisWeek: "kpiDueThisWeek",
  followUps7d: "kpiFollowUps7d", wonThisMonth: "kpiWonThisMonth", wonAmountThisMonth: "kpiWonAmountThisMonth",
};
const OWNER_TEXT: Readonly<Record<OwnerKey, DashboardMessageKey>> = {
  open: "colOpen", a: "colA", overdue: "colOverdue", dueThisWeek: "colDueThisWeek", followUps7d: "colFollowUps7d",
  aNotContacted: "colANotContacted", newThisWeek: "colNewThisWeek",
};

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  kpis: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS, margin: 0, padding: 0 },
  kpi: {
    display: "flex", flexDirection: "column-reverse", gap: tokens.spacingVerticalXXS, margin: 0,
    padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3,
  },
  kpiValue: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700, color: tokens.colorBrandForeground1, margin: 0 },
  kpiLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // The owners table is wider than a narrow pane: it scrolls sideways inside its own focusable region.
  scroll: { overflowX: "auto" },
  // Columns sized to their content (the default fixed layout overlaps long headers in a narrow pane).
  table: { tableLayout: "auto", minWidth: "100%" },
  mine: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorBrandBackground2 },
  num: { textAlign: "end" },
});

const show = (n: number | null, lang: string) => (n === null ? "—" : n.toLocaleString(lang, { maximumFractionDigits: 0 }));

/**
 * The manager's picture in the pane: the KPI row and one row per owner (the rep's own first),
 * computed from the tables in two syncs; no dashboard sheet needed. Builds the sheet on request.
 */
export function Overview(props: { onToast: (text: string) => void }) {
  const { api, t, lang, user } = usePane();
  const s = useStyles();
  const D = (k: DashboardMessageKey, v?: Readonly<Record<string, string | number>>) => dashText(lang, k, v);
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [data, setData] = useState<OverviewOutcome | null>(null);

  const load = () => void run(() => api.overview()).then((r) => r && setData(r));
  // Computed once when the tab opens; the button recomputes after the team's edits.
  useEffect(load, []);

  const build = async () => {
    const out = await run(() => api.buildDashboard(user));
    if (out) props.onToast(D("built", { sheet: out.sheetName }));
  };

  const owners = data ? ownRowFirst(data.owners, user) : [];
  const me = user.trim().toLowerCase();
  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void build()}>{D("buildDashboard")}</Button>
        <Button disabled={busy} onClick={load}>{D("overviewLoad")}</Button>
      </div>
      {data && (
        <>
          <Text as="h2" size={400} weight="semibold">{`${D("overviewTitle")} · ${data.asOf}`}</Text>
          <dl className={s.kpis} aria-label={D("title")}>
            {KPI_KEYS.map((k) => (
              <div key={k} className={s.kpi}>
                <dt className={s.kpiLabel}>{D(KPI_TEXT[k])}</dt>
                <dd className={s.kpiValue}>{show(data.kpi[k], lang)}</dd>
              </div>
            ))}
          </dl>
          <Text as="h2" size={400} weight="semibold">{D("secHealth")}</Text>
          {/* Tiers as the last grading wrote them; complaints open and late on the clock now. */}
          <dl className={s.kpis} aria-label={D("secHealth")}>
            {TIER_KEYS.map((k) => (
              <div key={k} className={s.kpi}>
                <dt className={s.kpiLabel}>{healthText(lang).tier[k]}</dt>
                <dd className={s.kpiValue}>{show(data.tiers[k], lang)}</dd>
              </div>
            ))}
            {(["open", "late"] as const).map((k) => (
              <div key={k} className={s.kpi}>
                <dt className={s.kpiLabel}>{D(k === "open" ? "complaintsOpen" : "complaintsLate")}</dt>
                <dd className={s.kpiValue}>{show(data.complaints[k], lang)}</dd>
              </div>
            ))}
          </dl>
          <Text as="h2" size={400} weight="semibold">{D("overviewOwnersTitle")}</Text>
          {owners.length === 0 ? <Text>{D("overviewEmpty")}</Text> : (
            <div className={s.scroll} role="region" aria-label={D("overviewOwnersTitle")} tabIndex={0}>
              <Table size="extra-small" className={s.table} aria-label={D("overviewOwnersTitle")}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{D("colOwner")}</TableHeaderCell>
                    {OWNER_KEYS.map((k) => <TableHeaderCell key={k}>{D(OWNER_TEXT[k], { n: data.cadenceA })}</TableHeaderCell>)}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {owners.map((o) => {
                    const mine = me !== "" && o.owner.trim().toLowerCase() === me;
                    return (
                      <TableRow key={o.owner} className={mine ? s.mine : undefined}>
                        <TableCell>{mine ? `${o.owner} ${D("overviewYou")}` : o.owner}</TableCell>
                        {OWNER_KEYS.map((k) => <TableCell key={k} className={s.num}>{show(o[k], lang)}</TableCell>)}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
