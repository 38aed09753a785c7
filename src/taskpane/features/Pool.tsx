import { useCallback, useEffect, useState } from "react";
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, MessageBarTitle,
  Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import type { OwnerOutcome, PoolOverview } from "../workbookApi";
import type { PoolItem } from "../../core/pool/planPool";
import { POOL_RULE_DEFS } from "../../core/pool/poolRuleDefs";
import { poolOwnerLabel } from "../../core/pool/poolOwner";
import { useTeamOpsText } from "./teamOpsStrings";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  due: { color: tokens.colorPaletteRedForeground1 },
});

/** Rows someone else changed while we wrote: said plainly, never hidden. */
export function SkippedBar(props: { outcome: OwnerOutcome | null }) {
  const tt = useTeamOpsText();
  const skipped = props.outcome?.skipped ?? [];
  if (skipped.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{tt("skippedTitle")}</MessageBarTitle>
        {tt("skipped", { count: skipped.length, ids: skipped.map((c) => c.id).join(", ") })}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The customer pool (公海): customers to claim, and those due for release with an explicit, confirmed release. */
export function Pool(props: { onToast: (text: string) => void }) {
  const { api, t, lang, user } = usePane();
  const tt = useTeamOpsText();
  const s = useStyles();
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [pool, setPool] = useState<PoolOverview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<OwnerOutcome | null>(null);

  const load = useCallback(() => run(() => api.pool()).then((p) => { if (p) setPool(p); }), [api, run]);
  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let alive = true;
    void load();
    // A colleague releasing, claiming or editing an Owner shows up here; our own writes do not trigger a reload.
    void api.watchChanges(() => { if (alive) void load(); }).then((s2) => { stop = s2; }).catch(() => undefined);
    return () => {
      alive = false;
      void stop?.();
    };
  }, [api, load]);

  const claim = async (item: PoolItem) => {
    const out = await run(() => api.claim(item.id, user, user));
    if (!out) return;
    setOutcome(out);
    if (out.written.length > 0) props.onToast(tt("claimed", { id: item.id }));
    await load();
  };
  const release = async () => {
    setConfirming(false);
    const out = await run(() => api.release(user));
    if (!out) return;
    setOutcome(out);
    props.onToast(tt("released", { count: out.written.length }));
    await load();
  };

  const switchLabel = POOL_RULE_DEFS.find((d) => d.key === "poolEnabled")?.label[pool?.lang ?? lang] ?? "";
  const line = (template: "dueLine" | "soonLine", i: PoolItem) =>
    tt(template, { id: i.id, name: i.name, owner: i.owner || "—", days: Math.abs(i.daysToRelease ?? 0) });

  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <SkippedBar outcome={outcome} />
      {pool && !pool.enabled && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{tt("poolOff")}</MessageBarTitle>
            {tt("poolOffBody", { switch: switchLabel })}
          </MessageBarBody>
        </MessageBar>
      )}
      {pool && (
        <section aria-labelledby="pool-in">
          <Text as="h2" block id="pool-in" weight="semibold">{tt("inPool", { count: pool.inPool.length })}</Text>
          {user === "" && pool.inPool.length > 0 && <Text as="p" block>{tt("needName")}</Text>}
          {pool.inPool.length === 0 ? <Text as="p" block>{tt("inPoolEmpty")}</Text> : (
            <ul className={s.list}>
              {pool.inPool.map((i) => (
                <li key={i.row} className={s.row}>
                  <Text>{`${i.id} · ${i.name}`}</Text>
                  <Button size="small" disabled={busy || user === ""} aria-label={tt("claimFor", { name: i.name, user: user || "—" })} onClick={() => void claim(i)}>{tt("claim")}</Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {pool?.enabled && (
        <section aria-labelledby="pool-due">
          <Text as="h2" block id="pool-due" weight="semibold">{tt("dueTitle", { count: pool.due.length })}</Text>
          {pool.due.length === 0 ? <Text as="p" block>{tt("dueEmpty")}</Text> : (
            <>
              <ul className={s.list}>
                {pool.due.map((i) => <li key={i.row} className={s.due}>{line("dueLine", i)}</li>)}
              </ul>
              <div>
                <Button appearance="primary" disabled={busy} onClick={() => setConfirming(true)}>{tt("release", { count: pool.due.length })}</Button>
              </div>
            </>
          )}
        </section>
      )}
      {pool?.enabled && pool.soon.length > 0 && (
        <section aria-labelledby="pool-soon">
          <Text as="h2" block id="pool-soon" weight="semibold">{tt("soonTitle", { warn: pool.warnDays, count: pool.soon.length })}</Text>
          <ul className={s.list}>
            {pool.soon.map((i) => <li key={i.row}>{line("soonLine", i)}</li>)}
          </ul>
        </section>
      )}
      <Dialog open={confirming} onOpenChange={(_e, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{tt("release", { count: pool?.due.length ?? 0 })}</DialogTitle>
            <DialogContent>{tt("releaseConfirm", { count: pool?.due.length ?? 0, pool: poolOwnerLabel(pool?.lang ?? lang) })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void release()}>{tt("confirm")}</Button>
              <Button onClick={() => setConfirming(false)}>{tt("cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
