import { useEffect, useState } from "react";
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../../context";
import { useAction } from "../../useAction";
import { ErrorBar } from "../../ErrorBar";
import { healthText } from "../../../core/health/messages";
import { isLate } from "../../../core/health/complaintStatus";
import { formatDateTime } from "../../../core/health/wallClock";
import type { ValueTier } from "../../../core/health/types";
import { healthT } from "./strings";
import type { CustomerHealth } from "./healthApi";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const TIER_COLOR: Readonly<Record<ValueTier, "danger" | "success" | "brand" | "subtle" | "informative">> = {
  risk: "danger",
  highValue: "success",
  potential: "brand",
  dormant: "subtle",
  standard: "informative",
};

/** The customer card's tier, its reason, seed 000's suggested next action, and open complaints. */
export function HealthPanel(props: { row: number }) {
  const { api, lang, t } = usePane();
  const s = useStyles();
  const { error, setError, run } = useAction(lang, t("errorTitle"));
  const [health, setHealth] = useState<CustomerHealth | null>(null);
  useEffect(() => {
    let alive = true;
    void run(() => api.health.customerHealth(props.row, lang)).then((h) => {
      if (alive && h !== undefined) setHealth(h);
    });
    return () => {
      alive = false;
    };
  }, [api, props.row, lang, run]);
  if (error) return <ErrorBar error={error} onDismiss={() => setError(null)} />;
  if (!health || !health.tier) return null;
  const h = healthText(lang);
  return (
    <div className={s.panel} role="group" aria-label={healthT(lang, "tier")}>
      <Text>
        {`${healthT(lang, "tier")}: `}
        <Badge appearance="tint" color={TIER_COLOR[health.tier]}>
          {h.tier[health.tier]}
        </Badge>
      </Text>
      <Text>{`${healthT(lang, "tierReason")}: ${health.reason || "—"}`}</Text>
      <Text>{`${healthT(lang, "nextAction")}: ${health.nextAction}`}</Text>
      <Text weight="semibold">{healthT(lang, "openComplaints")}</Text>
      {health.open.length === 0 && <Text>{healthT(lang, "noOpenComplaints")}</Text>}
      <ul className={s.list}>
        {health.open.map((c) => (
          <li key={c.row}>{`${formatDateTime(c.receivedAt)} · ${h.complaintStatus[c.status]}${isLate(c.status) ? " !" : ""} · ${c.summary}`}</li>
        ))}
      </ul>
    </div>
  );
}
