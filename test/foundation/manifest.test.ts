import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function validate(xml: string): { code: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "validate-manifest.js"), file], { encoding: "utf8" });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("npm run validate", () => {
  it("passes our manifest offline", () => {
    const r = validate(manifest);
    expect(r.out).toContain("valid");
    expect(r.code).toBe(0);
  });
  it("fails a bad Permissions value, naming the line", () => {
    const r = validate(manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadAll</Permissions>"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/manifest\.xml:30: .*Permissions/);
  });
  it("fails a missing DisplayName, naming the line", () => {
    const r = validate(manifest.replace(/<DisplayName[\s\S]*?<\/DisplayName>\n/, ""));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/manifest\.xml:\d+: .*(Description|DisplayName)/);
  });
  it("fails a 33-character resid, naming the line", () => {
    const long = "GradeNow.Label.ABCDEFGHIJKLMNOPQR"; // 33
    expect(long.length).toBe(33);
    const r = validate(manifest.replaceAll('"GradeNow.Label"', `"${long}"`));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`manifest\\.xml:\\d+: resid "${long.replace(/\./g, "\\.")}" is 33 characters`));
  });
  it("fails an unresolved resid and an http URL", () => {
    const r = validate(manifest.replace('resid="Commands.Url"', 'resid="Commands.Missing"').replace("https://localhost:3000/help.html\"/>", "http://localhost:3000/help.html\"/>"));
    expect(r.out).toContain('resid "Commands.Missing" does not resolve');
    expect(r.out).toMatch(/must be https/);
  });
  it("declares ExcelApi 1.14", () => {
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.14"\/>/);
  });
});
