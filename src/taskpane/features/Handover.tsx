import { useEffect, useState } from "react";
import { Button, Checkbox, Combobox, Field, MessageBar, MessageBarBody, MessageBarTitle, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import type { HandoverPreview, OwnerOutcome } from "../workbookApi";
import { SkippedBar } from "./Pool";
import { useTeamOpsText } from "./teamOpsStrings";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  targets: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

/**
 * Handover for managers: a leaving rep's customers to one colleague or split evenly. The counts are
 * previewed first; the write is a second, explicit click on exactly what was previewed.
 */
export function Handover(props: { onToast: (text: string) => void }) {
  const { api, t, lang, user } = usePane();
  const tt = useTeamOpsText();
  const s = useStyles();
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [team, setTeam] = useState<string[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState<string[]>([]);
  const [allStages, setAllStages] = useState(false);
  const [preview, setPreview] = useState<HandoverPreview | null>(null);
  const [outcome, setOutcome] = useState<OwnerOutcome | null>(null);

  useEffect(() => {
    let alive = true;
    void run(() => api.team()).then((names) => { if (alive && names) setTeam(names); });
    return () => { alive = false; };
  }, [api, run]);

  // Any change of the inputs voids the preview: what is handed over is always what was shown.
  useEffect(() => { setPreview(null); }, [from, to, allStages]);
  const targets = to.filter((n) => n !== from.trim());

  const input = () => ({ from, to: targets, allStages });
  const doPreview = async () => {
    const p = await run(() => api.previewHandover(input()));
    if (p) setPreview(p);
  };
  const doHandover = async () => {
    const out = await run(() => api.handover(input(), user));
    if (!out) return;
    setOutcome(out);
    setPreview(null);
    props.onToast(tt("handedOver", { count: out.written.length, from }));
  };

  return (
    <div className={s.page}>
      <Text as="p" block>{tt("handoverIntro")}</Text>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <SkippedBar outcome={outcome} />
      <Field label={tt("from")} required>
        <Combobox freeform expandIcon={{ "aria-label": t("openList") }} value={from} onChange={(e) => setFrom(e.target.value)} onOptionSelect={(_e, d) => setFrom(d.optionValue ?? "")}>
          {team.map((n) => <Option key={n} value={n}>{n}</Option>)}
        </Combobox>
      </Field>
      {/* One checkbox a colleague: a team fits on the page, and every choice stays visible. Not inside
          a Field, which would hand all of them one id. */}
      <div role="group" aria-labelledby="handover-to">
        <Text id="handover-to" weight="semibold">{tt("to")}</Text>
        <div className={s.targets}>
          {team.filter((n) => n !== from.trim()).map((n) => (
            <Checkbox key={n} label={n} checked={to.includes(n)} onChange={(_e, d) => setTo((cur) => (d.checked === true ? [...cur, n] : cur.filter((x) => x !== n)))} />
          ))}
        </div>
      </div>
      <Checkbox label={tt("allStages")} checked={allStages} onChange={(_e, d) => setAllStages(d.checked === true)} />
      <div>
        <Button disabled={busy || from.trim() === "" || targets.length === 0} onClick={() => void doPreview()}>{tt("preview")}</Button>
      </div>
      {preview && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{tt("previewTitle", { total: preview.total })}</MessageBarTitle>
            <ul className={s.list}>
              {preview.counts.map((c) => <li key={c.to}>{tt("previewLine", { to: c.to, count: c.count })}</li>)}
            </ul>
            {preview.kept > 0 && <div>{tt("previewKept", { kept: preview.kept, from })}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <div>
          {preview.total === 0 ? <Text>{tt("noCustomersToMove")}</Text> : (
            <Button appearance="primary" disabled={busy} onClick={() => void doHandover()}>{tt("handOver", { count: preview.total })}</Button>
          )}
        </div>
      )}
    </div>
  );
}
