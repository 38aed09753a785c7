import { useEffect, useMemo, useState } from "react";
import { Button, Combobox, Dropdown, Field, Input, Option, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DatePicker } from "@fluentui/react-datepicker-compat";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import { calendarStrings, dateToDay, dayToDate, formatDay, parseTyped } from "../dates";
import type { CustomerOption } from "../workbookApi";
import { entryLabel as label, listDef, STAGES } from "../../core/template/lists";
import type { DayNumber } from "../../core/_lib/calendar";
import { useTeamOpsText } from "./teamOpsStrings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});


export function LogFollowUp(props: { onToast: (text: string) => void }) {
  const { api, t, lang, user } = usePane();
  const s = useStyles();
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [customers, setCustomers] = useState<CustomerOption[]>([]);
  const [query, setQuery] = useState("");
  const [customer, setCustomer] = useState<CustomerOption | null>(null);
  const [date, setDate] = useState<DayNumber>(api.today());
  const [method, setMethod] = useState(() => { const first = listDef("method").entries[0]; return first ? label(first, lang) : ""; });
  const [summary, setSummary] = useState("");
  const [feedback, setFeedback] = useState("");
  const [nextStep, setNextStep] = useState("");
  const [nextDate, setNextDate] = useState<DayNumber | null>(null);
  const [stage, setStage] = useState("");
  const [spokeWith, setSpokeWith] = useState("");
  const tt = useTeamOpsText();
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    let alive = true;
    let stop: (() => Promise<void>) | undefined;
    const load = () => void run(() => api.customers()).then((c) => { if (alive && c) setCustomers(c); });
    load();
    // A co-author adding a customer shows up in the picker; our own writes do not trigger a reload.
    void api.watchChanges(load).then((s) => { stop = s; }).catch(() => undefined);
    return () => {
      alive = false;
      void stop?.();
    };
  }, [api, run]);

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = q === "" ? customers : customers.filter((c) => [c.id, c.name, c.shortName, c.contact].some((x) => x.toLowerCase().includes(q)));
    return list.slice(0, 50);
  }, [customers, query]);

  const pick = (id: string | undefined) => {
    const c = customers.find((x) => x.id === id) ?? null;
    setCustomer(c);
    setSpokeWith("");
    // Next date defaults to today + the customer's cadence.
    if (c?.cadence) setNextDate((api.today() + c.cadence) as DayNumber);
  };

  const submit = async () => {
    setTouched(true);
    if (!customer || summary.trim() === "") return;
    const out = await run(() => api.logFollowUp({ customerId: customer.id, date, by: user || customer.owner, method, summary, feedback, nextStep, nextDate, stage, spokeWith }, user));
    if (!out) return;
    props.onToast(t("saved", { row: out.row, next: formatDay(out.nextDue, lang) }));
    setSummary("");
    setFeedback("");
    setNextStep("");
    setStage("");
    setSpokeWith("");
    setTouched(false);
  };

  const strings = calendarStrings(lang);
  const picker = (value: DayNumber | null, set: (d: DayNumber | null) => void, fieldLabel: string, required: boolean) => (
    <Field label={fieldLabel} required={required}>
      <DatePicker
        value={value === null ? null : dayToDate(value)}
        onSelectDate={(d) => set(d ? dateToDay(d) : null)}
        formatDate={(d) => (d ? formatDay(dateToDay(d), lang) : "")}
        parseDateFromString={parseTyped}
        allowTextInput
        strings={strings}
        firstDayOfWeek={1}
      />
    </Field>
  );

  return (
    <form className={s.form} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <Field label={t("customer")} required validationState={touched && !customer ? "error" : "none"} validationMessage={touched && !customer ? t("required") : customers.length === 0 ? t("noCustomers") : undefined}>
        <Combobox
          expandIcon={{ "aria-label": t("openList") }}
          placeholder={t("customerPlaceholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_e, d) => { pick(d.optionValue); setQuery(d.optionText ?? ""); }}
          freeform
        >
          {matches.map((c) => (
            <Option key={c.id} value={c.id} text={`${c.id} ${c.name}`}>{`${c.id} · ${c.name}${c.contact ? ` · ${c.contact}` : ""}`}</Option>
          ))}
        </Combobox>
      </Field>
      {customer && customer.contacts.length > 1 && (
        <Field label={tt("spokeWith")}>
          <Dropdown value={spokeWith || tt("spokeWithMain")} selectedOptions={[spokeWith]} onOptionSelect={(_e, d) => setSpokeWith(d.optionValue ?? "")}>
            <Option value="">{tt("spokeWithMain")}</Option>
            {customer.contacts.slice(1).map((n) => <Option key={n} value={n}>{n}</Option>)}
          </Dropdown>
        </Field>
      )}
      {picker(date, (d) => d !== null && setDate(d), t("date"), true)}
      <Field label={t("method")} required>
        <Dropdown clearButton={{ "aria-label": t("clearSelection") }} value={method} selectedOptions={[method]} onOptionSelect={(_e, d) => setMethod(d.optionValue ?? method)}>
          {listDef("method").entries.map((m) => (
            <Option key={m["zh-CN"]} value={label(m, lang)}>{label(m, lang)}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("summary")} required hint={t("summaryHint")} validationState={touched && summary.trim() === "" ? "error" : "none"} validationMessage={touched && summary.trim() === "" ? t("required") : undefined}>
        <Textarea value={summary} onChange={(_e, d) => setSummary(d.value)} resize="vertical" />
      </Field>
      <Field label={t("feedback")}>
        <Input value={feedback} onChange={(_e, d) => setFeedback(d.value)} />
      </Field>
      <Field label={t("nextStep")}>
        <Input value={nextStep} onChange={(_e, d) => setNextStep(d.value)} />
      </Field>
      {picker(nextDate, setNextDate, t("nextDate"), false)}
      <Field label={t("stageChange")}>
        <Dropdown clearButton={{ "aria-label": t("clearSelection") }} value={stage || t("noChange")} selectedOptions={[stage]} onOptionSelect={(_e, d) => setStage(d.optionValue ?? "")}>
          <Option value="">{t("noChange")}</Option>
          {Object.values(STAGES).map((st) => (
            <Option key={st["zh-CN"]} value={label(st, lang)}>{label(st, lang)}</Option>
          ))}
        </Dropdown>
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>{busy ? t("working") : t("save")}</Button>
      </div>
    </form>
  );
}
