import { guideRows } from "../../src/core/template/guide";
import { DASHBOARD_MESSAGES } from "../../src/core/dashboard/messages";
import { LANGS } from "../../src/core/i18n/lang";

describe("the Guide's Dashboard section", () => {
  it.each([
    ["zh-CN", "看板:各项数字的含义", ["周一", "近7天", "中位数", "其他", "累计到达", "建档日期", "A类超过7天"]],
    ["en-US", "Dashboard: what each figure counts", ["Monday", "last 7 days", "median", "Other", "Reached", "Created", "within 7 days"]],
  ] as const)("%s explains every figure, after the rules and before privacy", (lang, heading, words) => {
    const rows = guideRows(lang);
    const at = rows.findIndex((r) => r.kind === "heading" && r.text === heading);
    expect(at).toBeGreaterThan(0);
    const next = rows.findIndex((r, i) => i > at && r.kind === "heading");
    const text = rows.slice(at + 1, next).map((r) => (r.kind === "column" ? "" : r.text)).join(" ");
    for (const w of words) expect(text).toContain(w);
  });

  it("every dashboard word exists in both languages, and none is left untranslated", () => {
    const [zh, en] = LANGS.map((l) => DASHBOARD_MESSAGES[l]);
    expect(Object.keys(zh!).sort()).toEqual(Object.keys(en!).sort());
    // English strings carry no Chinese; Chinese ones differ from English except shared symbols.
    for (const [k, v] of Object.entries(en!)) expect([k, /[\u4e00-\u9fff]/.test(v)]).toEqual([k, false]);
    const same = Object.keys(zh!).filter((k) => zh![k as keyof typeof zh] === en![k as keyof typeof en] && k !== "missing");
    expect(same).toEqual([]);
  });
});
