import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

describe("nothing leaked", () => {
  it.each(["src/taskpane/taskpane.html", "src/commands/commands.html", "src/commands/dialog.html"])("%s has a Content-Security-Policy allowing only Office.js's CDN", (file) => {
    const html = fs.readFileSync(path.join(root, file), "utf8");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'self'");
    const hosts = csp.match(/https:\/\/[^\s;']+/g) ?? [];
    expect(new Set(hosts)).toEqual(new Set(["https://appsforoffice.microsoft.com"]));
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });
  it("no source file sends anything anywhere (no fetch, XHR, beacons or telemetry SDKs)", () => {
    const files: string[] = [];
    const walk = (d: string) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ts|tsx)$/.test(e.name)) files.push(p); } };
    walk(path.join(root, "src"));
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8");
      expect([path.relative(root, f), /\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket\(|applicationinsights|usage-data|telemetry\./i.test(text)]).toEqual([path.relative(root, f), false]);
    }
  });
});
