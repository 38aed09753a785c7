import { useEffect, useState } from "react";
import { Badge, Card as FluentCard, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import { formatDay } from "../dates";
import type { CustomerCard } from "../workbookApi";
import { GRADE_KEY, STATUS_KEY } from "../labels";
import { HealthPanel } from "./health/HealthPanel";
import { CardContacts } from "./CardContacts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Follows the selection on the Customers sheet. */
export function Card() {
  const { api, t, lang } = usePane();
  const s = useStyles();
  const { error, setError, run } = useAction(lang, t("errorTitle"));
  const [card, setCard] = useState<CustomerCard | null>(null);

  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let alive = true;
    void run(() => api.watchSelection((row) => {
      void run(() => api.card(row)).then((c) => { if (alive && c !== undefined) setCard(c); });
    })).then((s2) => { stop = s2; });
    return () => {
      alive = false;
      void stop?.();
    };
  }, [api, run]);

  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      {!card && <Text>{t("cardHint")}</Text>}
      {card && (
        <FluentCard aria-label={card.name}>
          <CardHeader
            header={<Text weight="semibold">{`${card.id} · ${card.name}`}</Text>}
            description={<Text>{`${t("phone")}: ${card.phoneMasked || "—"}`}</Text>}
            action={<Badge appearance="filled" color={card.status === "overdue" ? "danger" : "brand"}>{card.grade ? t(GRADE_KEY[card.grade]) : t("gradeNone")}</Badge>}
          />
          <Text>{`${t("gradeReason")}: ${card.reason || "—"}`}</Text>
          <Text>{`${t("nextDue")}: ${formatDay(card.nextDue, lang)} · ${t(STATUS_KEY[card.status])}`}</Text>
          <CardContacts contacts={card.contacts} />
          <HealthPanel row={card.row} />
          <Text weight="semibold">{t("recent")}</Text>
          <ul className={s.list}>
            {card.recent.map((r, i) => (
              <li key={i}>{`${formatDay(r.date, lang)} ${r.method} ${r.by}: ${r.summary}`}</li>
            ))}
          </ul>
        </FluentCard>
      )}
    </div>
  );
}
