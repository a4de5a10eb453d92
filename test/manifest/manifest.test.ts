/** The manifest, checked offline: XSD, resids, locales, one origin, and every file present in the build. */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { tempDir } from "../helpers/temp";

// the script is plain Node (no build step): required, and typed here
const { checkManifest } = require("../../scripts/validate-manifest.js") as {
  checkManifest: (file: string, o?: { dist?: string }) => Promise<{ problems: string[]; xsd: string; files: string[] }>;
};

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const TMP = tempDir("manifest-");

function variant(edit: (xml: string) => string): string {
  const f = path.join(fs.mkdtempSync(path.join(TMP, "variant-")), "manifest.xml");
  fs.writeFileSync(f, edit(fs.readFileSync(MANIFEST, "utf8")));
  return f;
}

// Microsoft's manifest XSDs are not ours to commit: they are read from ../shared where it sits beside the project.
const XSD = path.resolve(ROOT, "../shared/schemas/office-manifest-xsd/OfficeAppManifestV1_1.xsd");
const withXsd = fs.existsSync(XSD) ? it : it.skip;
if (!fs.existsSync(XSD)) console.warn(`manifest: XSD checks skipped, ${XSD} is absent (the other checks run)`);

describe("manifest.xml", () => {
  it("is consistent (resids, locales, host, one origin)", async () => {
    const r = await checkManifest(MANIFEST);
    expect(r.problems).toEqual([]);
  });

  withXsd("is XSD-valid", async () => {
    expect((await checkManifest(MANIFEST)).xsd).toBe("valid");
  });

  it("has three ribbon buttons opening the pane on their views, zh-CN with en-US overrides", () => {
    const xml = fs.readFileSync(MANIFEST, "utf8");
    expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    for (const view of ["templates", "check", "score"]) expect(xml).toContain(`taskpane.html?view=${view}`);
    for (const label of ["生成模板", "一键校验", "绩效评分"]) expect(xml).toContain(`DefaultValue="${label}"`);
    // 一键校验 is a menu: open the pane, or run the check at once (function command)
    expect(xml.match(/<Control xsi:type="(Button|Menu)"/g)).toHaveLength(3);
    expect(xml).toContain("<FunctionName>runCheck</FunctionName>");
    for (const size of [16, 32, 64, 80]) expect(fs.existsSync(path.join(ROOT, `assets/icon-${size}.png`))).toBe(true);
  });

  it.each([
    ["an undefined resid", (x: string) => x.replace('resid="Check.Label"', 'resid="Check.Missing"'), /Check.Missing/],
    ["a string without en-US", (x: string) => x.replace('<bt:Override Locale="en-US" Value="Scoring"/>', ""), /Score.Label" has no en-US/],
    ["a second host", (x: string) => x.replace('<Host Name="Workbook"/>', '<Host Name="Workbook"/><Host Name="Document"/>'), /exactly Workbook/],
  ])("rejects %s", async (_name, edit, message) => {
    const r = await checkManifest(variant(edit));
    expect(r.problems.join("\n")).toMatch(message);
  });

  describe("against the XSD", () => {
    withXsd.each([
      ["a bad GUID", (x: string) => x.replace("6f1c7a52-3b8e-4d0a-9e27-5c4b2f8d1a6e", "not-a-guid")],
      [
        "elements out of order",
        (x: string) => x.replace(/(<Permissions>.*<\/Permissions>)\s*/, "").replace("<Hosts>", "<Permissions>ReadWriteDocument</Permissions><Hosts>"),
      ],
    ])("rejects %s", async (_name, edit) => {
      const r = await checkManifest(variant(edit));
      expect(r.problems.join("\n")).toMatch(/XSD/);
    });
  });

  it("points only at files the production build contains", async () => {
    // its own output folder: the e2e test may be building dist/ at the same time
    const out = fs.mkdtempSync(path.join(TMP, "dist-"));
    execFileSync(path.join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production", "--output-path", out], {
      cwd: ROOT,
      stdio: "pipe",
      env: { ...process.env, JUESUAN_URL_PROD: "https://juesuan.example.cn/addin/" },
    });
    expect(fs.readFileSync(path.join(out, "manifest.xml"), "utf8")).toContain("https://juesuan.example.cn/addin/taskpane.html?view=check");
    const r = await checkManifest(MANIFEST, { dist: out });
    expect(r.problems).toEqual([]);
    expect(r.files.sort()).toEqual([
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "commands.html",
      "help.html",
      "taskpane.html",
    ]);
  }, 180_000);
});
