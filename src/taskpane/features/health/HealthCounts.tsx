import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../../context";
import { healthText } from "../../../core/health/messages";
import { RANKED_TIERS } from "../../../core/health/types";
import type { HealthSummary } from "../../../core/health/customerHealth";
import { healthT } from "./strings";

const useStyles = makeStyles({
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A grading run's tier counts, and open and late complaints. */
export function HealthCounts(props: { health: HealthSummary }) {
  const { lang } = usePane();
  const s = useStyles();
  const h = healthText(lang);
  const c = props.health.complaints;
  return (
    <div className={s.counts} role="group" aria-label={healthT(lang, "tierCounts")}>
      {[...RANKED_TIERS, "standard" as const].map((t) => (
        <Badge
          key={t}
          appearance="tint"
          color={t === "risk" ? "danger" : t === "highValue" ? "success" : "informative"}
        >{`${h.tier[t]} ${props.health.byTier[t]}`}</Badge>
      ))}
      <Badge appearance="tint" color={c.late > 0 ? "danger" : "informative"}>
        {healthT(lang, "complaintCounts", { open: c.open, late: c.late })}
      </Badge>
    </div>
  );
}
