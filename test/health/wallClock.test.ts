import { spawnSync } from "child_process";
import * as path from "path";
import { formatDateTime, parseDateTime, parseIsoDateTime, wallTime } from "../../src/core/health/wallClock";
import { day } from "../support/builders";

describe("reading a date and time", () => {
  const may1 = day("2026-05-01");
  it.each<[string, number]>([
    ["2026-05-01 23:30", wallTime(may1, 23, 30)],
    ["2026/5/1 9:05", wallTime(may1, 9, 5)],
    ["2026年5月1日 09:05", wallTime(may1, 9, 5)],
    ["2026-05-01T09:05:30", wallTime(may1, 9, 5, 30)],
    ["2026-05-01", may1],
    ["２０２６－０５－０１　０９：０５", wallTime(may1, 9, 5)],
  ])("%s", (text, serial) => {
    const p = parseDateTime(text);
    expect(p.ok && p.value).toBeCloseTo(serial, 9);
  });
  it("a serial with its fraction is taken as it is", () => {
    expect(parseDateTime(46143.75)).toEqual({ ok: true, value: 46143.75 });
  });
  it.each(["2026-02-30 10:00", "2026-05-01 24:00", "2026-05-01 10:60", "明天上午", "0"])("%s is unreadable", (text) => {
    expect(parseDateTime(text)).toEqual({ ok: false, blank: false });
  });
  it("blank is blank", () => {
    expect(parseDateTime("  ")).toEqual({ ok: false, blank: true });
    expect(parseDateTime(null)).toEqual({ ok: false, blank: true });
  });
  it("--at takes YYYY-MM-DD HH:mm only", () => {
    expect(parseIsoDateTime("2026-05-01 23:30")).toBeCloseTo(wallTime(may1, 23, 30), 9);
    expect(parseIsoDateTime("2026-05-01")).toBeNull();
    expect(parseIsoDateTime("2026-05-01 25:00")).toBeNull();
  });
  it("formats back to the minute", () => {
    expect(formatDateTime(wallTime(may1, 23, 30))).toBe("2026-05-01 23:30");
    expect(formatDateTime(wallTime(may1, 9, 5, 59))).toBe("2026-05-01 09:06");
  });
});

/**
 * Jest workers cannot change their own time zone, so the DST cases run in a child process with
 * TZ=America/Los_Angeles, on the built engine (lib/, as the command line runs it).
 */
function inLosAngeles(body: string): Record<string, unknown> {
  const lib = path.join(__dirname, "../../lib/src/core/health");
  const script = `const w = require(${JSON.stringify(path.join(lib, "wallClock.js"))});
const s = require(${JSON.stringify(path.join(lib, "complaintStatus.js"))});
const r = require(${JSON.stringify(path.join(__dirname, "../../lib/src/core/rules/rules.js"))});
const out = {}; ${body}; process.stdout.write(JSON.stringify(out));`;
  const res = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, TZ: "America/Los_Angeles" } });
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout) as Record<string, unknown>;
}

describe("wall time in America/Los_Angeles across daylight saving", () => {
  const r = inLosAngeles(`
    out.offsets = [new Date(2026, 2, 7, 12).getTimezoneOffset(), new Date(2026, 2, 9, 12).getTimezoneOffset()];
    out.springAt = w.formatDateTime(w.fromLocalDateTime(new Date(2026, 2, 8, 3, 15)));
    out.fallAt = w.formatDateTime(w.fromLocalDateTime(new Date(2026, 10, 1, 1, 30)));
    const from = w.fromLocalDateTime(new Date(2026, 2, 8, 1, 30));
    const to = w.fromLocalDateTime(new Date(2026, 2, 8, 3, 15));
    out.realMinutes = (new Date(2026, 2, 8, 3, 15) - new Date(2026, 2, 8, 1, 30)) / 60000;
    out.wallMinutes = w.minutesBetween(from, to);
    out.status = s.complaintStatus({ receivedAt: from, respondedAt: null, solvedAt: null, calledBackOn: null }, r.defaultRules(), to);
    out.dayApart = w.minutesBetween(w.fromLocalDateTime(new Date(2026, 2, 7, 23, 30)), w.fromLocalDateTime(new Date(2026, 2, 8, 23, 30)));
    out.fallBack = w.minutesBetween(w.fromLocalDateTime(new Date(2026, 10, 1, 0, 30)), w.fromLocalDateTime(new Date(2026, 10, 1, 1, 45)));
  `);

  it("the child really is on Pacific time, with the jump on 2026-03-08", () => {
    expect(r.offsets).toEqual([480, 420]);
  });
  it("the local clock reading is stored, whatever the offset", () => {
    expect(r.springAt).toBe("2026-03-08 03:15");
    expect(r.fallAt).toBe("2026-11-01 01:30");
  });
  it("spring forward: 01:30 to 03:15 is 45 real minutes but 105 on the wall clock, and the wall clock decides", () => {
    expect(r.realMinutes).toBe(45);
    expect(r.wallMinutes).toBe(105);
    expect(r.status).toBe("responseLate");
  });
  it("the day across the jump is 1440 minutes of wall time (23 real hours)", () => {
    expect(r.dayApart).toBe(1440);
  });
  it("fall back: 00:30 to 01:45 reads as 75 minutes", () => {
    expect(r.fallBack).toBe(75);
  });
});
