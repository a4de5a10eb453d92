/**
 * The task pane end to end: the production webpack build, served on 127.0.0.1, opened in Debian's
 * headless Chromium (playwright-core), with office.js answered by the fake Excel host. Clicks go
 * through the real UI; assertions read what the workbook holds afterwards. Screenshots are kept
 * under test-output/e2e/.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { OUT, ROOT, bundle, freshDir, launch, serve } from "./harness";
import { loadWorkbook, readGrids } from "../../src/xlsx";
import { PUBLISHED, seedWorkbook } from "../fixtures/seed-workbooks";
import { perfWorkbook } from "../fixtures/perf-workbooks";
import type { SheetState } from "../fake-excel/state";
import type { Grid } from "../../src/core/grid";
import { printedDocuments, shanghaiNarrative, shanghaiTables } from "../fixtures/made-documents";

const DIST = path.join(ROOT, "dist");
let SHIM = "";

let server: http.Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  execFileSync(path.join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production"], { cwd: ROOT, stdio: "pipe" });
  SHIM = await bundle("test/fake-excel/browser.ts", "office-shim.js");
  ({ server, base } = await serve(DIST));
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function openPane(query: string, before?: (page: Page) => Promise<void>, width = 420): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await before?.(page);
  const shim = fs.readFileSync(SHIM, "utf8");
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: shim }));
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/taskpane.html${query}`);
  await page.getByRole("tab").first().waitFor();
  expect(errors).toEqual([]);
  return page;
}

const sheet = (states: SheetState[], name: string) => states.find((s) => s.name === name)!;

it("生成模板: writes every standard table into new sheets of the workbook", async () => {
  const page = await openPane("?view=templates");
  await page.getByRole("textbox", { name: "部门" }).fill("测试街道办事处");
  await page.getByRole("button", { name: "生成模板" }).click();
  await page.getByText(/已生成 9 张表/).waitFor();
  await page.screenshot({ path: path.join(OUT, "templates.png"), fullPage: true });
  const states = await page.evaluate(() => window.__fake.state());
  expect(states.map((s) => s.name)).toEqual(["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表"]);
  const t05 = sheet(states, "公开05表");
  expect(t05.cells.A1.value).toBe("一般公共预算财政拨款支出决算表");
  expect(t05.cells.A2.value).toBe("部门：测试街道办事处");
  expect(t05.cells.C7.formula).toBe("=D7+E7");
  expect(t05.protected).toBe(true);
  // generating again never overwrites: new sheets get new names; a 绩效 layout can be added
  await page.getByRole("checkbox", { name: "全选" }).click();
  await page.getByRole("checkbox", { name: "公开01表 收入支出决算总表" }).click();
  await page.getByRole("checkbox", { name: "项目支出绩效自评表（北京版式）" }).click();
  await page.getByRole("button", { name: "生成模板" }).click();
  await page.getByText("已生成 2 张表：公开01表(2)、项目支出自评-beijing").waitFor();
  await page.close();
});

it("一键校验: summary, findings list, click-to-cell, marks in two syncs (one read, one write), and 清除标记", async () => {
  const page = await openPane("?view=check");
  const grids = readGrids(seedWorkbook("sheets"));
  await page.evaluate((g) => window.__fake.load(g), grids);
  await page.getByRole("button", { name: "一键校验" }).click();
  const summary = page.getByTestId("summary");
  await summary.waitFor();
  expect(await summary.textContent()).toBe("找到 9 张表 · 错误 0 · 警告 1 · 提示 3 · 尾差 11");
  expect(await page.evaluate(() => window.__fake.syncs())).toBe(2);
  // the 11 rounding tails wait behind one line with their count; opened, they join the list
  const listed = page.getByTestId("findings").getByRole("listitem");
  expect([await page.getByTestId("tails").textContent(), await listed.count()]).toEqual(["尾差 11 项（只差舍入，点开查看）", 4]);
  await page.getByTestId("tails").click();
  expect(await listed.count()).toBe(15);

  const marked = sheet(await page.evaluate(() => window.__fake.state()), "表5");
  expect(marked.cells.D18.fill).toBe("#FFD8A8"); // the convention warning, orange
  expect(marked.cells.C16.fill).toBe("#EDEDED"); // a tail, pale grey
  expect(marked.cells.D18.note).toContain("【警告】公开05表：按常规，公开05表科目2101103“公务员医疗补助”");
  expect(marked.cells.D18.note).not.toContain("T05~T06");

  await page.getByRole("button", { name: "警告", exact: true }).click();
  const items = page.getByTestId("findings").getByRole("listitem");
  expect(await items.count()).toBe(1);
  // headed in words, not rule ids
  expect(await page.getByTestId("findings").textContent()).toMatch(/^公开05表 ↔ 公开06表/);
  await items.first().getByRole("button").first().click();
  await page.waitForFunction(() => window.__fake.selection()?.address === "D18");
  expect(await page.evaluate(() => window.__fake.selection())).toEqual({ sheet: "表5", address: "D18" });
  await page.screenshot({ path: path.join(OUT, "check.png"), fullPage: true });

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByText("已清除标记，单元格格式已恢复").waitFor();
  const cleared = await page.evaluate(() => window.__fake.state());
  expect(sheet(cleared, "表5").cells.D18).toEqual({ value: 5.73 });
  expect(cleared.map((s) => s.name)).toEqual(["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"]);
  await page.close();
});

it("checks only the active sheet when asked", async () => {
  const page = await openPane("?view=check");
  await page.evaluate((g) => window.__fake.load(g), readGrids(seedWorkbook("sheets")));
  await page.evaluate(() => (window.__fake.host.workbook.active = "表5"));
  await page.getByRole("switch", { name: "仅校验当前工作表" }).click();
  await page.getByRole("button", { name: "一键校验" }).click();
  const summary = page.getByTestId("summary");
  await summary.waitFor();
  expect(await summary.textContent()).toBe("找到 1 张表 · 错误 0 · 警告 0 · 提示 8 · 尾差 2");
  await page.close();
});

it("another province: 上海's tables read under the region chosen, the pane saying what was read and every relation's verdict", async () => {
  const page = await openPane("?view=check");
  const grids = readGrids(await loadWorkbook(fs.readFileSync(path.join(PUBLISHED, "shanghai/putuo-czj-2024.xlsx"))));
  await page.evaluate((g) => window.__fake.load(g), grids);
  await page.getByLabel("地区口径").selectOption("shanghai");
  await page.getByRole("button", { name: "一键校验" }).click();
  await page.getByTestId("summary").waitFor();
  expect(await page.getByTestId("summary").textContent()).toBe("找到 9 张表 · 错误 0 · 警告 1 · 提示 1 · 尾差 10");
  expect(await page.getByTestId("reading").textContent()).toMatch(/^按上海口径读取：公开01表 收入支出决算总表、.*公开07表 财政拨款“三公”经费支出决算表、/);
  expect(await page.getByTestId("relations").textContent()).toBe("勾稽关系 398 条：成立 387 · 尾差 10 · 错误 0 · 警告 1 · 未核对 0");
  await page.screenshot({ path: path.join(OUT, "check-shanghai.png"), fullPage: true });
  await page.close();
});

it("绩效评分: per project printed and computed totals, marks, click to the total", async () => {
  const page = await openPane("?view=score");
  await page.evaluate((g) => window.__fake.load(g), readGrids(perfWorkbook(["seed001/p03", "seed003/p08"])));
  await page.getByRole("button", { name: "绩效评分" }).click();
  const projects = page.getByTestId("projects").getByRole("listitem");
  await projects.first().waitFor();
  expect(await projects.allTextContents()).toEqual([
    "2024 年度政务公开新媒体产品制作 （seed001-p03）总分不符 表中总分 99.9 · 按规则 99.7 · 等级 优",
    "西城区社会心理服务指导中心运营服务经费 （seed003-p08）总分不符 表中总分 990 · 按规则 99 · 等级 优",
  ]);
  // the totals that differ stand out
  expect(await page.locator("[data-differs]").count()).toBe(2);
  await projects.nth(1).getByRole("button").click();
  await page.waitForFunction(() => window.__fake.selection()?.sheet === "seed003-p08");
  expect(await page.evaluate(() => window.__fake.selection())).toEqual({ sheet: "seed003-p08", address: "G19" });
  const state = await page.evaluate(() => window.__fake.state());
  expect(sheet(state, "seed001-p03").cells.I14.fill).toBe("#FFC7CE");
  expect(state.map((s) => s.name)).toContain("评分报告");
  await page.screenshot({ path: path.join(OUT, "score.png"), fullPage: true });
  await page.close();
});

it("switches to English and keeps working", async () => {
  const page = await openPane("?view=score");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Score" }).click();
  await page.getByText("No self-evaluation tables found").waitFor();
  await page.close();
});

it("决算说明: drafts onto a new sheet, and shows each pasted paragraph with the findings about its numbers under it", async () => {
  const page = await openPane("?view=narrative");
  await page.evaluate((g) => window.__fake.load(g), readGrids(seedWorkbook("sheets")));
  await page.getByRole("button", { name: "按表起草说明" }).click();
  await page.getByText("已起草 14 节，写入工作表“决算说明（草稿）”；原因处的“____”待填写").waitFor();
  const drafted = sheet(await page.evaluate(() => window.__fake.state()), "决算说明（草稿）");
  expect(drafted.cells.A1.value).toBe("临夏市人民政府办公室2024年度部门决算情况说明（草稿）");
  // the 收入/支出 compositions beside the text, each drawn as a pie (Excel draws charts; files get the data only)
  expect(drafted.charts).toEqual(["Pie '决算说明（草稿）'!C1:D2 “收入决算构成” @F1", "Pie '决算说明（草稿）'!C19:D21 “支出决算构成” @F19"]);
  expect([drafted.cells.C20.value, drafted.cells.D20.value, drafted.cells.C21.value, drafted.cells.D21.value]).toEqual([
    "基本支出",
    764.61,
    "项目支出",
    122.68,
  ]);
  expect(await page.getByTestId("draft").inputValue()).toContain(
    "2024年度支出合计887.29万元，其中：基本支出764.61万元，占86.17%；项目支出122.68万元，占13.83%。",
  );
  await page.getByRole("button", { name: "复制草稿" }).click();
  await page.getByText("已复制到剪贴板").waitFor();

  await page
    .getByRole("textbox", { name: "粘贴说明文字核对" })
    .fill(
      [
        "2024 年度收入合计 887.29 万元,其中：财政拨款收入887.29 万元,占 100.00%。",
        "",
        "2024 年度支出合计 887.29 万元,其中：基本支出 746.61万元,占 86.17%。",
        "本单位严格执行预算。",
      ].join("\n"),
    );
  await page.getByRole("button", { name: "核对文字" }).click();
  await page.getByText("已核对 3 段：错误 2 · 警告 0 · 提示 0 · 尾差 0").waitFor();
  const paragraphs = page.getByTestId("paragraphs").getByRole("listitem");
  expect(await paragraphs.count()).toBe(3);
  expect(await paragraphs.nth(0).textContent()).toBe("2024 年度收入合计 887.29 万元,其中：财政拨款收入887.29 万元,占 100.00%。");
  expect(await paragraphs.nth(1).textContent()).toBe(
    // the slip makes both the amount and its share wrong: two findings under the one sentence
    "2024 年度支出合计 887.29 万元,其中：基本支出 746.61万元,占 86.17%。" +
      "错误决算说明“746.61万元,占 86.17%”：746.61 ÷ 总额 887.29 = 84.14%，写作 86.17%" +
      "错误决算说明“基本支出 746.61万元”与公开03表（表3） 764.61 万元不一致",
  );
  await page.screenshot({ path: path.join(OUT, "narrative.png"), fullPage: true });

  // the 说明 kept in Word: opened from a file, its paragraphs go into the box
  const zip = new JSZip();
  zip.file(
    "word/document.xml",
    '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>2024 年度收入合计 </w:t></w:r><w:r><w:t>888.29 万元。</w:t></w:r></w:p></w:body></w:document>',
  );
  await page.getByTestId("narrative-file").setInputFiles({
    name: "说明.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await zip.generateAsync({ type: "nodebuffer" }),
  });
  await page.getByText("已读入“说明.docx”，可核对").waitFor();
  expect(await page.getByRole("textbox", { name: "粘贴说明文字核对" }).inputValue()).toBe("2024 年度收入合计 888.29 万元。");
  await page.getByRole("button", { name: "核对文字" }).click();
  await page.getByText("已核对 1 段：错误 1 · 警告 0 · 提示 0 · 尾差 0").waitFor();
  await page
    .getByTestId("narrative-file")
    .setInputFiles({ name: "旧.doc", mimeType: "application/msword", buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(64)]) });
  await page.getByText("操作失败：旧.doc：不是文本文件（.doc 请先另存为 .docx）").waitFor();
  await page.close();
});

it("when Excel does not answer, the pane says so after the timeout and 重试 does the step again", async () => {
  // the page's clock is ours, so the two-minute watchdog can be run forward
  const page = await openPane("?view=check", (p) => p.clock.install());
  await page.evaluate((g) => window.__fake.load(g), readGrids(seedWorkbook("sheets")));
  await page.evaluate(() => void (window.__fake.host.hangSyncs = 1));
  await page.getByRole("button", { name: "一键校验" }).click();
  await page.getByText("正在校验…").waitFor();
  await page.clock.fastForward(121_000);
  await page.getByText(/^Excel 在 120 秒内没有回应/).waitFor();
  await page.screenshot({ path: path.join(OUT, "not-responding.png"), fullPage: true });
  expect(await page.evaluate(() => window.__fake.state().some((s) => s.name === "校验报告"))).toBe(false);
  // keyboard: the retry button is reachable and works
  await page.getByRole("button", { name: "重试" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByTestId("summary");
  await summary.waitFor();
  expect(await summary.textContent()).toBe("找到 9 张表 · 错误 0 · 警告 1 · 提示 3 · 尾差 11");
  expect(await page.evaluate(() => window.__fake.state().some((s) => s.name === "校验报告"))).toBe(true);
  // going to a cell while Excel does not answer says so under the finding, not silently
  await page.getByRole("button", { name: "警告", exact: true }).click();
  await page.evaluate(() => void (window.__fake.host.hangSyncs = 1));
  await page.getByTestId("findings").getByRole("listitem").first().getByRole("button").first().click();
  await page.clock.fastForward(121_000);
  await page
    .getByTestId("findings")
    .getByText(/^Excel 在 120 秒内没有回应/)
    .waitFor();
  await page.close();
});

it.each([320, 300])(
  "at a task pane %i px wide: every tab, after its work, is no wider than the pane and has no inner scroll box",
  async (width) => {
    const steps: [string, (page: Page) => Promise<void>][] = [
      [
        "templates",
        (page) =>
          page
            .getByRole("button", { name: "生成模板" })
            .click()
            .then(() => page.getByText(/已生成 9 张表/).waitFor()),
      ],
      [
        "check",
        async (page) => {
          await page.evaluate((g) => window.__fake.load(g), readGrids(seedWorkbook("sheets")));
          await page.getByRole("button", { name: "一键校验" }).click();
          await page.getByTestId("summary").waitFor();
          await page.getByTestId("tails").click();
        },
      ],
      [
        "score",
        async (page) => {
          await page.evaluate((g) => window.__fake.load(g), readGrids(perfWorkbook(["seed001/p03", "seed003/p08"])));
          await page.getByRole("button", { name: "绩效评分" }).click();
          await page.getByTestId("projects").getByRole("listitem").first().waitFor();
        },
      ],
      [
        "narrative",
        async (page) => {
          await page.evaluate((g) => window.__fake.load(g), readGrids(seedWorkbook("sheets")));
          await page.getByRole("button", { name: "按表起草说明" }).click();
          await page.getByText(/已起草 14 节/).waitFor();
        },
      ],
      [
        "document",
        async (page) => {
          await page.getByTestId("document-file").setInputFiles(await publishedPdf());
          await page.getByTestId("pages").waitFor({ timeout: 60_000 });
        },
      ],
    ];
    for (const [view, work] of steps) {
      const page = await openPane(`?view=${view}`, undefined, width);
      await work(page);
      await page.screenshot({ path: path.join(OUT, `${view}-${width}.png`), fullPage: true });
      const measured = await page.evaluate(() => {
        // a text field scrolls its own text; a list or a panel must not
        const boxes = [...document.querySelectorAll("body *:not(textarea)")].filter((e) => {
          const style = getComputedStyle(e);
          return (
            /(auto|scroll)/.test(style.overflowY + style.overflowX) &&
            (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1) &&
            e !== document.scrollingElement
          );
        });
        return { page: document.documentElement.scrollWidth, innerScrollBoxes: boxes.map((e) => e.getAttribute("data-testid") ?? e.tagName.toLowerCase()) };
      });
      expect({ view, ...measured }).toEqual({ view, page: width, innerScrollBoxes: [] });
      await page.close();
    }
  },
  120_000,
);

it("an empty workbook is greeted with what to do, not a list of tables not found", async () => {
  const page = await openPane("?view=check");
  const memo: Grid[] = [{ sheet: "Sheet1", origin: "A1", cells: [[{ value: "备忘" }]], merges: [], visibility: "visible" }];
  await page.evaluate((g) => window.__fake.load(g), memo);
  await page.getByRole("button", { name: "一键校验" }).click();
  await page.getByTestId("summary").waitFor();
  expect(await page.getByTestId("summary").textContent()).toBe("未识别到公开表：请打开决算公开表，或先到“生成模板”生成空白表再填写");
  expect(await page.getByTestId("findings").count()).toBe(0);
  await page.close();
});

it("核实说明: written under a finding, it goes into the report, leaves the counts, and is read back by the next check", async () => {
  const page = await openPane("?view=check");
  await page.evaluate((g) => window.__fake.load(g), readGrids(seedWorkbook("sheets")));
  await page.getByRole("button", { name: "一键校验" }).click();
  await page.getByTestId("summary").waitFor();
  const warning = page.getByTestId("findings").getByRole("listitem").filter({ hasText: "警告" }).first();
  await warning.getByRole("button", { name: "写核实说明" }).click();
  await warning.getByRole("textbox", { name: "核实说明" }).fill("经核实，医疗补助按规定列其他科目");
  await warning.getByRole("button", { name: "保存" }).click();
  await page.getByTestId("explained").first().waitFor();
  expect(await page.getByTestId("summary").textContent()).toBe("找到 9 张表 · 错误 0 · 警告 0 · 提示 3 · 尾差 11 · 已说明 1");
  const report = sheet(await page.evaluate(() => window.__fake.state()), "校验报告");
  expect(Object.entries(report.cells).find(([, c]) => c.value === "经核实，医疗补助按规定列其他科目")?.[0]).toMatch(/^H\d+$/);
  // checked again: read back from the report, still out of the counts
  await page.getByRole("button", { name: "一键校验" }).click();
  await page.getByText("已说明：经核实，医疗补助按规定列其他科目").waitFor();
  expect(await page.getByTestId("summary").textContent()).toBe("找到 9 张表 · 错误 0 · 警告 0 · 提示 3 · 尾差 11 · 已说明 1");
  await page.screenshot({ path: path.join(OUT, "explained.png"), fullPage: true });
  await page.close();
});

/** The 普陀区 document printed to PDF by LibreOffice Writer, once for every test that opens it. */
let published: Promise<string> | undefined;
function publishedPdf(): Promise<string> {
  published ??= shanghaiTables().then((tables) =>
    printedDocuments(freshDir(path.join(OUT, "documents")), [{ name: "普陀区财政局", tables, narrative: shanghaiNarrative() }]).then(([pdf]) => pdf),
  );
  return published;
}

it("公开文件: a published PDF opened beside the workbook, its findings listed by page, its tables written into new sheets", async () => {
  const pdf = await publishedPdf();
  const page = await openPane("?view=document");
  await page.getByTestId("document-file").setInputFiles(pdf);
  await page.getByText(/^“普陀区财政局\.pdf”：9 张表，错误 2 · 警告 1 · 提示 \d+ · 尾差 \d+$/).waitFor({ timeout: 60_000 });
  // the 说明's two errors under the page they are printed on, the tables' tails under theirs
  const pages = page.getByTestId("pages").getByRole("listitem");
  const withError = pages.filter({ hasText: "财政拨款收入支出总计0.3万元" });
  expect(await withError.count()).toBe(1);
  expect(await withError.locator("span").first().textContent()).toMatch(/^第 \d+ 页$/);
  expect(await pages.filter({ hasText: "（尾差）合计行 本年收入合计" }).locator("span").first().textContent()).toMatch(/^第 \d+ 页$/);
  await page.screenshot({ path: path.join(OUT, "document.png"), fullPage: true });
  await page.getByRole("button", { name: "把读出的表写入新工作表" }).click();
  await page.getByText(/^已写入 9 张工作表：第\d+页 公开01表、/).waitFor();
  const states = await page.evaluate(() => window.__fake.state());
  const t05 = states.find((s) => / 公开05表$/.test(s.name))!;
  // amounts as numbers the accountant can correct and sum; the labels as printed
  expect(Object.values(t05.cells).some((c) => c.value === 2940.05)).toBe(true);
  expect(Object.values(t05.cells).some((c) => c.value === "行政运行")).toBe(true);
  // a file that is not a document: one line saying so
  await page.getByTestId("document-file").setInputFiles({ name: "表.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("x") });
  await page.getByText("操作失败：表.xlsx：不是 PDF 或 Word（.docx）文件").waitFor();
  await page.close();
}, 120_000);
