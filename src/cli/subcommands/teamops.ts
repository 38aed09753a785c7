import * as os from "os";
import { formatIso, type DayNumber } from "../../core/_lib/calendar";
import type { Lang } from "../../core/i18n/lang";
import { gradeLabel } from "../../core/i18n/messages";
import { sheetName } from "../../core/template/sheets";
import { POOL_RULE_DEFS } from "../../core/pool/poolRuleDefs";
import { poolOwnerLabel } from "../../core/pool/poolOwner";
import type { PoolItem } from "../../core/pool/planPool";
import type { HandoverPlan } from "../../core/handover/planHandover";
import { fillText, teamOpsTexts } from "../../core/pool/i18n";
import { poolFile, claimFile, handoverFile, type Actor } from "../../xlsx/teamops";
import { needFile, UsageError, type Parsed } from "../args";
import type { Run } from "../io";
import { say } from "../../core/i18n/catalogue";

/** What a team-operations command needs from the command line. */
interface TeamOpsArgs {
  readonly file: string;
  readonly flags: Readonly<Record<string, string | true>>;
  readonly today: DayNumber;
  readonly now: Date;
  readonly json: boolean;
  readonly out: (s: string) => void;
  /** Thrown for a missing or bad option (exit 2). */
  readonly usage: (message: string) => Error;
}

function args(p: Parsed, r: Run): TeamOpsArgs {
  return {
    file: needFile(p, r.speaking), flags: p.flags, today: r.today, now: r.io.now(), json: r.json, out: r.io.out,
    usage: (m) => new UsageError(m),
  };
}

/** `pool <file> [--release] [--today D] [--json]` */
export const pool = (p: Parsed, r: Run): Promise<number> => poolCommand(args(p, r));
/** `claim <file> --customer ID --owner NAME` */
export const claim = (p: Parsed, r: Run): Promise<number> => claimCommand(args(p, r));
/** `handover <file> --from NAME --to NAME[,NAME…] [--all-stages] [--dry-run]` */
export const handover = (p: Parsed, r: Run): Promise<number> => handoverCommand(args(p, r));

const str = (a: TeamOpsArgs, name: string): string | undefined => {
  const v = a.flags[name];
  return typeof v === "string" ? v : undefined;
};
const need = (a: TeamOpsArgs, command: string, name: string): string => {
  const v = str(a, name);
  if (v === undefined || v.trim() === "") throw a.usage(`${command} needs --${name}`);
  return v;
};

/** The audit log's "who": `--by`, else the account running the command. */
function actor(a: TeamOpsArgs): Actor {
  let user = str(a, "by")?.trim() ?? "";
  if (user === "") {
    try { user = os.userInfo().username; } catch { user = "crm-sheets"; }
  }
  return { user, now: a.now };
}

function itemJson(i: PoolItem) {
  return { row: i.row, id: i.id, name: i.name, owner: i.owner, grade: i.grade, lastContact: i.lastContact === null ? null : formatIso(i.lastContact), created: i.created === null ? null : formatIso(i.created), daysToRelease: i.daysToRelease };
}

function line(template: string, i: PoolItem, lang: Lang): string {
  const w = teamOpsTexts(lang).cli;
  return fillText(template, { id: i.id, name: i.name, owner: i.owner || w.noOwner, grade: gradeLabel(i.grade, lang) || "-", days: Math.abs(i.daysToRelease ?? 0) });
}

/** `pool <file> [--release] [--today D] [--json]` */
async function poolCommand(a: TeamOpsArgs): Promise<number> {
  const release = a.flags.release === true;
  const out = await poolFile(a.file, a.today, release, actor(a));
  const p = out.pool;
  if (a.json) {
    a.out(JSON.stringify({ file: a.file, today: formatIso(a.today), enabled: p.enabled, due: p.due.map(itemJson), soon: p.soon.map(itemJson), inPool: p.inPool.map(itemJson), released: out.written }, null, 2));
    return 0;
  }
  const w = teamOpsTexts(out.lang).cli;
  const switchLabel = POOL_RULE_DEFS.find((d) => d.key === "poolEnabled")?.label[out.lang] ?? "";
  if (!p.enabled) {
    a.out(fillText(w.poolOff, { file: a.file, switch: switchLabel, rules: sheetName("rules", out.lang) }));
    return 0;
  }
  const lines = [fillText(w.poolSummary, { file: a.file, due: p.due.length, soon: p.soon.length, warn: p.rules.releaseWarn, inPool: p.inPool.length })];
  for (const i of p.due) lines.push(line(w.dueLine, i, out.lang));
  for (const i of p.soon) lines.push(line(w.soonLine, i, out.lang));
  if (release) lines.push(fillText(w.released, { count: out.written, pool: poolOwnerLabel(out.lang) }));
  else if (p.due.length > 0) lines.push(w.releaseHint);
  a.out(lines.join("\n"));
  return 0;
}

/** `claim <file> --customer ID --owner NAME` */
async function claimCommand(a: TeamOpsArgs): Promise<number> {
  const out = await claimFile(a.file, need(a, "claim", "customer"), need(a, "claim", "owner"), a.today, actor(a));
  const c = out.plan.changes[0];
  if (a.json) {
    a.out(JSON.stringify({ file: a.file, claimed: c ?? null }, null, 2));
    return 0;
  }
  if (c) a.out(fillText(teamOpsTexts(out.lang).cli.claimed, { file: a.file, id: c.id, name: c.name, owner: c.to, from: c.from }));
  return 0;
}

function split(plan: HandoverPlan, lang: Lang): string {
  const w = teamOpsTexts(lang).cli;
  const sep = say(lang, "meta", "listSeparator");
  return plan.counts.map((c) => fillText(w.splitItem, { to: c.to, count: c.count })).join(sep);
}

/** `handover <file> --from NAME --to NAME[,NAME…] [--all-stages] [--dry-run]` */
async function handoverCommand(a: TeamOpsArgs): Promise<number> {
  const from = need(a, "handover", "from");
  const to = need(a, "handover", "to").split(/[,，、;；]/);
  const dryRun = a.flags["dry-run"] === true;
  const out = await handoverFile(a.file, { from, to, allStages: a.flags["all-stages"] === true }, a.today, dryRun, actor(a));
  const p = out.plan;
  if (a.json) {
    a.out(JSON.stringify({ file: a.file, dryRun, from: from.trim(), counts: p.counts, byStage: p.byStage, kept: p.kept, moved: out.written, changes: p.changes }, null, 2));
    return 0;
  }
  const w = teamOpsTexts(out.lang).cli;
  const lines = [fillText(dryRun ? w.handoverPlan : w.handoverDone, { file: a.file, count: p.changes.length, from: from.trim(), split: split(p, out.lang) })];
  if (p.kept > 0) lines.push(fillText(w.handoverKept, { kept: p.kept, from: from.trim() }));
  if (dryRun) lines.push(w.dryRun);
  a.out(lines.join("\n"));
  return 0;
}
