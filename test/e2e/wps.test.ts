/**
 * The WPS 加载项 end to end: `npm run build:wps`'s folder, served on 127.0.0.1 and opened in headless
 * Chromium with the fake WPS as the page's `wps` global. The ribbon is loaded from the page WPS
 * writes (index.html loading main.js) and every callback ribbon.xml names is called; the pane's
 * templates, check and score flows run through the real UI against the fake ET model. Screenshots
 * are kept under test-output/e2e/wps-*.png.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { OUT, ROOT, bundle, freshDir, launch, serve } from "./harness";
import { readGrids } from "../../src/xlsx";
import { seedWorkbook } from "../fixtures/seed-workbooks";
import { perfWorkbook } from "../fixtures/perf-workbooks";
import type { SheetState } from "../fake-excel/state";
import { CONTROLS } from "../../src/wps/ribbon";
import { printedDocuments, shanghaiNarrative, shanghaiTables } from "../fixtures/made-documents";

const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const ADDIN = path.join(ROOT, "dist-wps", `juesuan_${version}`);
/** the page WPS itself writes into the add-in's folder when it loads it */
const WPS_INDEX = '<!doctype html><html><head><meta charset="UTF-8"><script src="main.js"></script></head><body></body></html>';

let shim = "";
let server: http.Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  execFileSync("npm", ["run", "--silent", "build:wps"], { cwd: ROOT, stdio: "pipe" });
  shim = fs.readFileSync(await bundle("test/fake-wps/browser.ts", "wps-shim.js"), "utf8");
  ({ server, base } = await serve(ADDIN, { "/index.html": WPS_INDEX }));
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(pagePath: string, width = 420): Promise<{ page: Page; errors: string[] }> {
  // the pane speaks the language of WPS's own browser: Chinese, on the offices' machines
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "zh-CN" });
  await page.addInitScript({ content: shim });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // nothing outside the add-in's folder is fetched (an office without internet has no CDN)
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    errors.push(`fetched ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${base}/${pagePath}`);
  return { page, errors };
}

async function openPane(view: string): Promise<Page> {
  const { page, errors } = await open(`taskpane.html?view=${view}`);
  await page.getByRole("tab").first().waitFor();
  expect(errors).toEqual([]);
  return page;
}

const sheet = (states: SheetState[], name: string) => states.find((s) => s.name === name)!;

it("the folder: no index.html of ours (WPS writes it), a well-formed ribbon.xml whose every callback main.js defines", async () => {
  expect(fs.existsSync(path.join(ADDIN, "index.html"))).toBe(false);
  for (const f of ["main.js", "taskpane.html", "taskpane.js", "ribbon.xml", "assets/icon-32.png"]) expect(fs.existsSync(path.join(ADDIN, f))).toBe(true);
  expect(fs.readFileSync(path.join(ADDIN, "taskpane.html"), "utf8")).not.toContain("office.js");
  const lists = ["publish.xml", "jsplugins.xml"].map((f) => fs.readFileSync(path.join(ROOT, "dist-wps", f), "utf8"));
  expect(lists[0]).toContain(`<jsplugin name="juesuan" type="et" url="juesuan_${version}" version="${version}"`);
  expect(lists[1]).toMatch(/<jspluginonline name="juesuan" type="et" url="http[^"]+"/);

  const { page, errors } = await open("index.html");
  const ribbon = await page.evaluate(async () => {
    const xml = await (await fetch("ribbon.xml")).text();
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const callbacks = [...doc.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes]
        .filter((a) => /^(on|get)[A-Z]/.test(a.name))
        .map((a) => ({ element: el.localName, id: el.getAttribute("id"), attr: a.name, value: a.value })),
    );
    const defined = window as unknown as { ribbon?: Record<string, unknown> };
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      root: doc.documentElement.localName,
      buttons: [...doc.getElementsByTagName("button")].map((b) => ({
        id: b.getAttribute("id"),
        label: b.getAttribute("label"),
        onAction: b.getAttribute("onAction"),
      })),
      missing: callbacks.filter((c) => !/^ribbon\./.test(c.value) || typeof defined.ribbon?.[c.value.slice("ribbon.".length)] !== "function"),
      callbacks: callbacks.length,
    };
  });
  expect([ribbon.errors, ribbon.root]).toEqual([0, "customUI"]);
  expect(ribbon.buttons.map((b) => b.label)).toEqual(["生成模板", "打开校验面板", "直接校验全部工作表", "绩效评分"]);
  expect(ribbon.buttons.map((b) => b.id).sort()).toEqual(Object.keys(CONTROLS).sort());
  expect(ribbon.buttons.every((b) => b.onAction === "ribbon.OnAction")).toBe(true);
  expect(ribbon.callbacks).toBeGreaterThan(8);
  expect(ribbon.missing).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it("the ribbon's buttons: one pane shown on each view, and 直接校验 marks the workbook and shows the 校验报告", async () => {
  const { page, errors } = await open("index.html");
  const click = (id: string) =>
    page.evaluate((i) => (window as unknown as { ribbon: { OnAction(c: { Id: string }): boolean } }).ribbon.OnAction({ Id: i }), id);
  expect(await page.evaluate(() => (window as unknown as { ribbon: { GetImage(c: { Id: string }): string } }).ribbon.GetImage({ Id: "juesuan.score" }))).toBe(
    "assets/icon-32.png",
  );
  expect(await click("juesuan.templates")).toBe(true);
  expect(await click("juesuan.score")).toBe(true);
  const panes = await page.evaluate(() => window.__fakeWps.panes);
  expect(panes).toEqual([{ url: `${base}/taskpane.html?view=score`, visible: true }]);

  await page.evaluate((g) => window.__fakeWps.load(g), readGrids(seedWorkbook("sheets")));
  await click("juesuan.checkRun");
  await page.waitForFunction(() => window.__fakeWps.selection()?.sheet === "校验报告");
  const states = await page.evaluate(() => window.__fakeWps.state());
  expect(sheet(states, "表5").cells.D18.fill).toBe("#FFD8A8");
  expect(sheet(states, "校验报告").cells.A2.value).toMatch(/错误 0/);
  expect(await page.evaluate(() => window.__fakeWps.app.workbook.active)).toBe("校验报告");
  expect(errors).toEqual([]);
  await page.close();
});

it("生成模板 in WPS: every standard table written into new sheets, formulas, protection and all", async () => {
  const page = await openPane("templates");
  await page.getByRole("textbox", { name: "部门" }).fill("测试街道办事处");
  await page.getByRole("button", { name: "生成模板" }).click();
  await page.getByText(/已生成 9 张表/).waitFor();
  await page.screenshot({ path: path.join(OUT, "wps-templates.png"), fullPage: true });
  const states = await page.evaluate(() => window.__fakeWps.state());
  expect(states.map((s) => s.name)).toEqual([
    "Sheet1",
    "公开01表",
    "公开02表",
    "公开03表",
    "公开04表",
    "公开05表",
    "公开06表",
    "公开07表",
    "公开08表",
    "公开09表",
  ]);
  const t05 = sheet(states, "公开05表");
  expect(t05.cells.A2.value).toBe("部门：测试街道办事处");
  expect(t05.cells.C7.formula).toBe("=D7+E7");
  expect([t05.protected, t05.rowsEditable, t05.landscape]).toEqual([true, true, true]);
  expect(t05.frozen.rows).toBeGreaterThan(0);
  // the accountant stays on the sheet they were on
  expect(await page.evaluate(() => window.__fakeWps.app.workbook.active)).toBe("Sheet1");
  await page.close();
});

it("一键校验 in WPS: the same summary and marks as in Excel, click-to-cell, 清除标记 restores", async () => {
  const page = await openPane("check");
  await page.evaluate((g) => window.__fakeWps.load(g), readGrids(seedWorkbook("sheets")));
  await page.getByRole("button", { name: "一键校验" }).click();
  const summary = page.getByTestId("summary");
  await summary.waitFor();
  expect(await summary.textContent()).toBe("找到 9 张表 · 错误 0 · 警告 1 · 提示 3 · 尾差 11");
  const marked = sheet(await page.evaluate(() => window.__fakeWps.state()), "表5");
  expect(marked.cells.D18.fill).toBe("#FFD8A8");
  expect(marked.cells.C16.fill).toBe("#EDEDED");
  expect(marked.cells.D18.note).toContain("【警告】公开05表：按常规，公开05表科目2101103“公务员医疗补助”");

  await page.getByRole("button", { name: "警告", exact: true }).click();
  await page.getByTestId("findings").getByRole("listitem").first().getByRole("button").first().click();
  await page.waitForFunction(() => window.__fakeWps.selection()?.address === "D18");
  expect(await page.evaluate(() => window.__fakeWps.selection())).toEqual({ sheet: "表5", address: "D18" });
  await page.screenshot({ path: path.join(OUT, "wps-check.png"), fullPage: true });

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByText("已清除标记，单元格格式已恢复").waitFor();
  const cleared = await page.evaluate(() => window.__fakeWps.state());
  expect(sheet(cleared, "表5").cells.D18).toEqual({ value: 5.73 });
  expect(cleared.map((s) => s.name)).toEqual(["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"]);
  await page.close();
});

it("绩效评分 in WPS: per project printed and computed totals", async () => {
  const page = await openPane("score");
  await page.evaluate((g) => window.__fakeWps.load(g), readGrids(perfWorkbook(["seed001/p03", "seed003/p08"])));
  await page.getByRole("button", { name: "绩效评分" }).click();
  const projects = page.getByTestId("projects").getByRole("listitem");
  await projects.first().waitFor();
  expect(await projects.allTextContents()).toEqual([
    "2024 年度政务公开新媒体产品制作 （seed001-p03）总分不符 表中总分 99.9 · 按规则 99.7 · 等级 优",
    "西城区社会心理服务指导中心运营服务经费 （seed003-p08）总分不符 表中总分 990 · 按规则 99 · 等级 优",
  ]);
  await page.screenshot({ path: path.join(OUT, "wps-score.png"), fullPage: true });
  const states = await page.evaluate(() => window.__fakeWps.state());
  expect(states.map((s) => s.name)).toContain("评分报告");
  await page.close();
});

it("公开文件 in WPS: a published PDF read in the pane (pdf.js's worker from the add-in's folder), its tables written into new sheets", async () => {
  const tables = await shanghaiTables();
  const [pdf] = await printedDocuments(freshDir(path.join(OUT, "wps-documents")), [{ name: "普陀区财政局", tables, narrative: shanghaiNarrative() }]);
  const page = await openPane("document");
  await page.getByTestId("document-file").setInputFiles(pdf);
  await page.getByText(/^“普陀区财政局\.pdf”：9 张表，错误 2 · 警告 1 · 提示 \d+ · 尾差 \d+$/).waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "把读出的表写入新工作表" }).click();
  await page.getByText(/^已写入 9 张工作表：第\d+页 公开01表、/).waitFor();
  await page.screenshot({ path: path.join(OUT, "wps-document.png"), fullPage: true });
  const states = await page.evaluate(() => window.__fakeWps.state());
  const t05 = states.find((s) => / 公开05表$/.test(s.name))!;
  expect(Object.values(t05.cells).some((c) => c.value === 2940.05)).toBe(true);
  expect(Object.values(t05.cells).some((c) => c.value === "行政运行")).toBe(true);
  await page.close();
}, 120_000);

it("决算说明 in WPS: the draft on a new sheet (the compositions as a table beside it, no chart: WPS draws none here)", async () => {
  const page = await openPane("narrative");
  await page.evaluate((g) => window.__fakeWps.load(g), readGrids(seedWorkbook("sheets")));
  await page.getByRole("button", { name: "按表起草说明" }).click();
  await page.getByText("已起草 14 节，写入工作表“决算说明（草稿）”；原因处的“____”待填写").waitFor();
  await page.screenshot({ path: path.join(OUT, "wps-narrative.png"), fullPage: true });
  const drafted = sheet(await page.evaluate(() => window.__fakeWps.state()), "决算说明（草稿）");
  expect(drafted.cells.A1.value).toBe("临夏市人民政府办公室2024年度部门决算情况说明（草稿）");
  expect(drafted.charts).toBeUndefined();
  expect([drafted.cells.C20.value, drafted.cells.D20.value, drafted.cells.C21.value, drafted.cells.D21.value]).toEqual([
    "基本支出",
    764.61,
    "项目支出",
    122.68,
  ]);
  expect(Object.values(drafted.cells).some((c) => typeof c.value === "string" && c.value.includes("2024年度支出合计887.29万元"))).toBe(true);
  await page.close();
});
