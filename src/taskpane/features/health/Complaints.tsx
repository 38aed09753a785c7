import { useCallback, useEffect, useState } from "react";
import { Badge, Button, Card, CardHeader, Field, Input, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../../context";
import { useAction } from "../../useAction";
import { ErrorBar } from "../../ErrorBar";
import type { CustomerOption } from "../../workbookApi";
import { healthText } from "../../../core/health/messages";
import { formatDateTime, type WallTime } from "../../../core/health/wallClock";
import { isLate } from "../../../core/health/complaintStatus";
import { CustomerPicker } from "./CustomerPicker";
import { DateTimeField } from "./DateTimeField";
import { StepForm } from "./StepForm";
import { healthT } from "./strings";
import type { ComplaintItem, ComplaintUpdateRequest } from "./healthApi";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  badge: { whiteSpace: "nowrap", flexShrink: 0 },
});

/** The complaint form (seed 002's 首问负责制), and the open complaints with their next step. */
export function Complaints(props: { onToast: (text: string) => void }) {
  const { api, t, lang, user } = usePane();
  const s = useStyles();
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [customer, setCustomer] = useState<CustomerOption | null>(null);
  const [receivedAt, setReceivedAt] = useState<WallTime | null>(api.health.now());
  const [formKey, setFormKey] = useState(0);
  const [summary, setSummary] = useState("");
  const [by, setBy] = useState(user);
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState<ComplaintItem[]>([]);
  const [handling, setHandling] = useState<number | null>(null);
  const status = healthText(lang).complaintStatus;

  const reload = useCallback(async () => {
    const list = await run(() => api.health.complaints());
    if (list) setOpen(list.filter((c) => c.status !== "done"));
  }, [api, run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const onPickerError = useCallback((e: unknown) => setError({ title: t("errorTitle"), lines: [e instanceof Error ? e.message : String(e)] }), [setError, t]);

  const submit = async () => {
    setTouched(true);
    if (!customer || summary.trim() === "" || receivedAt === null) return;
    const out = await run(() => api.health.logComplaint({ customerId: customer.id, summary, by, receivedAt }, user));
    if (!out) return;
    props.onToast(healthT(lang, "saved", { row: out.row, status: status[out.status] }));
    setSummary("");
    setTouched(false);
    setReceivedAt(api.health.now());
    setFormKey((k) => k + 1);
    await reload();
  };

  const saveStep = async (u: ComplaintUpdateRequest) => {
    const out = await run(() => api.health.updateComplaint(u, user));
    if (!out) return;
    props.onToast(healthT(lang, "stepSaved", { row: out.row, status: out.status ? status[out.status] : "—" }));
    setHandling(null);
    await reload();
  };

  const stepName = { respond: healthT(lang, "stepRespond"), solve: healthT(lang, "stepSolve"), callBack: healthT(lang, "stepCallBack") } as const;
  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <form
        className={s.form}
        aria-label={healthT(lang, "title")}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Text as="h2" weight="semibold">
          {healthT(lang, "title")}
        </Text>
        <CustomerPicker value={customer} onChange={setCustomer} invalid={touched && !customer} onError={onPickerError} />
        <DateTimeField
          key={formKey}
          lang={lang}
          dateLabel={healthT(lang, "receivedDate")}
          timeLabel={healthT(lang, "receivedTime")}
          hint={healthT(lang, "timeHint")}
          value={receivedAt ?? api.health.now()}
          onChange={setReceivedAt}
          required
        />
        <Field
          label={healthT(lang, "summary")}
          required
          hint={healthT(lang, "summaryHint")}
          validationState={touched && summary.trim() === "" ? "error" : "none"}
          validationMessage={touched && summary.trim() === "" ? healthT(lang, "required") : undefined}
        >
          <Textarea value={summary} onChange={(_e, d) => setSummary(d.value)} resize="vertical" />
        </Field>
        <Field label={healthT(lang, "by")} hint={healthT(lang, "byHint")}>
          <Input value={by} onChange={(_e, d) => setBy(d.value)} />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? healthT(lang, "working") : healthT(lang, "save")}
          </Button>
        </div>
      </form>
      <section aria-label={healthT(lang, "openTitle")} className={s.form}>
        <div className={s.head}>
          <Text as="h2" weight="semibold">
            {healthT(lang, "openTitle")}
          </Text>
          <Button appearance="subtle" onClick={() => void reload()} disabled={busy}>
            {healthT(lang, "refresh")}
          </Button>
        </div>
        {open.length === 0 && <Text>{healthT(lang, "noneOpen")}</Text>}
        <ul className={s.list}>
          {open.map((c) => (
            <li key={`${c.row}-${c.receivedAt}`}>
              <Card aria-label={`${c.customerId} ${c.summary}`}>
                <CardHeader
                  header={<Text weight="semibold">{`${c.customerId} · ${c.customerName}`}</Text>}
                  description={<Text>{healthT(lang, "received", { at: formatDateTime(c.receivedAt), by: c.by || "—" })}</Text>}
                  action={
                    <Badge className={s.badge} appearance="filled" color={isLate(c.status) ? "danger" : "informative"}>
                      {status[c.status]}
                    </Badge>
                  }
                />
                <Text>{c.summary}</Text>
                {c.due && (
                  <Text>
                    {healthT(lang, "dueBy", {
                      step: stepName[c.due.step],
                      at: c.due.step === "callBack" ? formatDateTime(c.due.by).slice(0, 10) : formatDateTime(c.due.by),
                    })}
                  </Text>
                )}
                {handling === c.row ? (
                  <StepForm item={c} busy={busy} onSave={(u) => void saveStep(u)} />
                ) : (
                  <div>
                    <Button onClick={() => setHandling(c.row)}>{healthT(lang, "handle")}</Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
