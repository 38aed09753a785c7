import { useCallback, useEffect, useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import type { InstallOutcome, TemplateStatus } from "../workbookApi";
import { LANGS, type Lang } from "../../core/i18n/lang";
import { languageName, say } from "../../core/i18n/catalogue";
import { TEMPLATE_VERSION } from "../../core/template/sheets";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
});

export function Home(props: { onToast: (text: string) => void }) {
  const { api, t, lang, user, setUser } = usePane();
  const s = useStyles();
  const [status, setStatus] = useState<TemplateStatus | null>(null);
  const [installLang, setInstallLang] = useState<Lang>(lang);
  const [preview, setPreview] = useState<Extract<InstallOutcome, { kind: "preview" }> | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [name, setName] = useState(user);
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const join = (xs: readonly string[]) => xs.join(say(lang, "meta", "listSeparator"));

  const refresh = useCallback(async () => {
    const st = await run(() => api.status());
    if (st) setStatus(st);
  }, [api, run]);
  useEffect(() => {
    void refresh();
    // Only on mount: refreshes after actions are explicit.
  }, []);

  const install = async (confirm: boolean) => {
    setRefused(null);
    const out = await run(() => api.install(installLang, confirm, user));
    if (!out) return;
    if (out.kind === "preview") return setPreview(out);
    setPreview(null);
    if (out.kind === "refused") return setRefused(t("refused", { sheet: out.sheet, missing: join(out.missing) }));
    if (out.kind === "installed") props.onToast(t("installed", { sheets: join(out.sheets) }));
    if (out.kind === "upgraded") props.onToast(t("upgraded", { items: join([...out.sheets, ...out.refreshed, ...out.columns]) || "—" }));
    if (out.kind === "current") props.onToast(t("current"));
    await refresh();
  };

  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      {status === null && busy && <Spinner label={t("loading")} />}
      {status && (
        <Text>
          {status.installed
            ? t("statusInstalled", { version: status.version ?? "?", lang: status.lang, customers: status.customers, followUps: status.followUps })
            : t("statusNotInstalled")}
        </Text>
      )}
      {status?.installed && status.missingColumns.length > 0 && <Text>{t("statusMissingColumns", { columns: join(status.missingColumns) })}</Text>}
      {status && !status.installed && (
        <Field label={t("installLang")}>
          <RadioGroup value={installLang} onChange={(_e, d) => setInstallLang(LANGS.find((l) => l === d.value) ?? installLang)} layout="horizontal">
            {LANGS.map((l) => <Radio key={l} value={l} label={languageName(l)} />)}
          </RadioGroup>
        </Field>
      )}
      {status && (!status.installed || status.missingColumns.length > 0 || (status.version ?? 0) < TEMPLATE_VERSION) && (
        <div>
          <Button appearance="primary" disabled={busy} onClick={() => void install(false)}>
            {status.installed ? t("upgrade") : t("install")}
          </Button>
        </div>
      )}
      {preview && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t("adoptPreview")}
            {preview.adopt.map((a) => (
              <div key={a.sheet}>{`${a.range}: ${join(a.add) || "—"}`}</div>
            ))}
            <Button disabled={busy} onClick={() => void install(true)}>{t("adoptConfirm")}</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {refused && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{refused}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.row}>
        <Field label={t("userName")} hint={t("userNameHint")}>
          <Input value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Button onClick={() => setUser(name.trim())} disabled={name.trim() === "" || name.trim() === user}>{t("saveName")}</Button>
      </div>
    </div>
  );
}
