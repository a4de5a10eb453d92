/** The command line over real files: exit codes, JSON contract, marked output, bad input. */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { loadWorkbook, readWorkbook } from "../../src/xlsx";
import * as workflows from "../../src/core/workflows";
import { SAMPLE } from "../fixtures/sample";
import { SEED001 } from "../fixtures/seed-workbooks";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

const tmp = tempDir("juesuan-cli-");
const file = (name: string) => path.join(tmp, name);

const run = runCli;

describe("juesuan check", () => {
  it("another province: 上海 detected from its titles, or chosen with --profile; the JSON counts every relation's verdict", async () => {
    const shanghai = path.join(SEED001, "../shanghai/putuo-czj-2024.xlsx");
    const detected = JSON.parse((await run("check", shanghai, "--json", "-")).stdout);
    expect([detected.profile, detected.unit, detected.relations]).toEqual([
      "shanghai",
      "万元",
      { holds: 387, tails: 10, errors: 0, warnings: 1, unchecked: 0 },
    ]);
    expect(detected.tables.find((t: { id: string }) => t.id === "T09").number).toBe("公开07表");
    const chosen = JSON.parse((await run("check", shanghai, "--profile", "beijing", "--json", "-")).stdout);
    expect(chosen.profile).toBe("beijing");
    expect(chosen.tables.find((t: { id: string }) => t.id === "T09").number).toBe("公开10表");
    const unknown = await run("check", shanghai, "--profile", "sichuan");
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, "juesuan: 未知的地区口径：sichuan（可选：mof、gansu、beijing、yunnan、shanghai）"]);
  });

  it("writes the JSON contract and a marked workbook; checking the marked file finds the same", async () => {
    const r = await run("check", SAMPLE, "-o", file("marked.xlsx"), "--json", file("check.json"));
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(file("check.json"), "utf8"));
    expect(json.workbook).toBe("sample.xlsx");
    expect(json.summary).toEqual({ errors: 2, tails: 15, warnings: 1, infos: 3, explained: 0 });
    // the published 三公 table leaves two 决算数 blank where 0 belongs
    expect(
      json.findings.filter((f: { rule: string }) => f.rule === "form.blank").map((f: { cells: { address: string }[] }) => f.cells.map((c) => c.address)),
    ).toEqual([["J8", "L8"]]);
    const errors = json.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.map((f: { cells: { address: string }[] }) => f.cells[0].address)).toEqual(["C10", "E9"]);
    // both point to the one slip, 表5!E10 (69.42 typed 69.24)
    expect(errors.map((f: { cause: { address: string } }) => f.cause.address)).toEqual(["E10", "E10"]);

    const grids = await readWorkbook(fs.readFileSync(file("marked.xlsx")));
    const report = grids.find((g) => g.sheet === "校验报告")!;
    expect(report.cells[1][0].value).toBe("错误 2 项，警告 1 项，提示 3 项，尾差 15 项");
    // beside the title: which 单位, which file, when (the time from the command line's clock)
    expect(report.cells[0][3].value).toMatch(/^单位：临夏市人民政府办公室\u3000文件：sample\.xlsx\u3000校验时间：\d{4}-\d\d-\d\d \d\d:\d\d$/);
    // the report opens with what was read: the region, the tables, every relation's verdict
    expect(report.cells[1][3].value).toMatch(
      /^按甘肃口径读取 9 张表：公开01表 收入支出决算总表（表1）、.*；勾稽关系 \d+ 条：成立 \d+，尾差 11，错误 2，警告 1，未核对 0$/,
    );
    expect(grids.find((g) => g.sheet === "表5")!.cells[9][2].note).toContain("【受影响】公开05表：科目2010301“行政运行”");
    expect(report.cells.slice(3).map((r) => r[1].value)).toContain("公开05表 ↔ 公开06表");

    const again = await run("check", file("marked.xlsx"), "--json", "-");
    expect(JSON.parse(again.stdout).findings).toEqual(json.findings);
  });

  it.each([
    ["a missing file", () => file("nope.xlsx"), /nope\.xlsx：无法读取文件（ENOENT）/],
    ["an empty file", () => (fs.writeFileSync(file("empty.xlsx"), ""), file("empty.xlsx")), /empty\.xlsx：文件为空/],
    ["a text file", () => (fs.writeFileSync(file("text.xlsx"), "公开01表,887.29\n"), file("text.xlsx")), /text\.xlsx：不是 \.xlsx 文件/],
    ["a truncated zip", () => (fs.writeFileSync(file("cut.xlsx"), fs.readFileSync(SAMPLE).subarray(0, 2000)), file("cut.xlsx")), /cut\.xlsx：无法读取 \.xlsx/],
    [
      "an encrypted workbook",
      () => (
        fs.writeFileSync(file("secret.xlsx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])),
        file("secret.xlsx")
      ),
      /secret\.xlsx：文件已加密/,
    ],
  ])("exits 2 with one line naming %s", async (_what, make, message) => {
    const r = await run("check", make());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("juesuan template", () => {
  it("writes the chosen tables", async () => {
    const r = await run("template", "--tables", "01,05", "--dept", "某街道办事处", "--year", "2024", "-o", file("blank.xlsx"));
    expect(r.code).toBe(0);
    const grids = await readWorkbook(fs.readFileSync(file("blank.xlsx")));
    expect(grids.map((g) => g.sheet)).toEqual(["公开01表", "公开05表"]);
  });

  it("writes the 绩效自评 templates with --tables perf, next to disclosure tables", async () => {
    const r = await run("template", "--tables", "05,perf", "--year", "2024", "-o", file("perf.xlsx"));
    expect(r.code).toBe(0);
    const grids = await readWorkbook(fs.readFileSync(file("perf.xlsx")));
    expect(grids.map((g) => g.sheet)).toEqual([
      "公开05表",
      "项目支出自评-gansu",
      "项目支出自评-beijing",
      "项目支出自评-xinjiang",
      "部门整体支出自评-gansu",
      "区级预算支出部门评价表-yunnan",
      "转移支付年度绩效目标自评表-gansu",
    ]);
  });

  it.each([
    [["--tables", "01,99"], /未知的表：99/],
    [["--year", "二〇二四"], /年度无效/],
  ])("rejects %j with exit 2", async (args, message) => {
    const r = await run("template", ...args, "-o", file("x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

it("demo writes templates, a marked copy, JSON and a report", async () => {
  const r = await run("demo", SAMPLE, "--out", file("demo"));
  expect(r.code).toBe(0);
  expect(fs.readdirSync(file("demo")).sort()).toEqual([
    "blank-self-evaluations.xlsx",
    "blank-templates.xlsx",
    "check.json",
    "draft.txt",
    "report.txt",
    "sample-marked.xlsx",
    "sample-scored.xlsx",
    "score.json",
  ]);
  expect(r.stdout).toContain("校验结果：错误 2 项，警告 1 项，提示 3 项，尾差 15 项");
  // the errors come first, at the one slip they point to; the tails last
  expect(r.stdout).toContain("【错误】表5!E10 公开05表：科目2010301“行政运行”");
  expect(r.stdout.indexOf("【警告】")).toBeLessThan(r.stdout.indexOf("【尾差】"));
  // words, not rule ids
  expect(r.stdout).not.toMatch(/\bT0\d\.|\bP\.funds|（T\d\d/);
  expect(r.stdout).toContain("项目支出绩效自评表“2024 年度政务公开新媒体产品制作”（绩效p03）：表中总分 99.9，按规则 99.7，等级 优");
  const score = JSON.parse(fs.readFileSync(path.join(file("demo"), "score.json"), "utf8"));
  expect(score.projects).toHaveLength(5);
  const scored = await readWorkbook(fs.readFileSync(path.join(file("demo"), "sample-scored.xlsx")));
  expect(scored.map((g) => g.sheet)).toContain("评分报告");
});

describe("hostile sheets become findings, not crashes", () => {
  it("a stray value at the last row and column: the table is still checked, the stray cell reported", async () => {
    const { loadWorkbook, saveWorkbook } = await import("../../src/xlsx");
    const wb = await loadWorkbook(fs.readFileSync(SAMPLE));
    wb.getWorksheet("表5")!.getCell("A1048576").value = "x";
    wb.getWorksheet("表5")!.getCell("XFD1").value = "y";
    wb.getWorksheet("表1")!.getCell("C7").value = { error: "#REF!" };
    fs.writeFileSync(file("hostile.xlsx"), await saveWorkbook(wb));
    const r = await run("check", file("hostile.xlsx"), "--json", file("hostile.json"));
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(file("hostile.json"), "utf8"));
    const byRule = (rule: string) => json.findings.filter((f: { rule: string }) => f.rule === rule);
    expect(byRule("locate.stray")).toEqual([
      { rule: "locate.stray", severity: "info", message: "工作表“表5”有 2 个远离表格的单元格（如 XFD1）未读取", cells: [{ sheet: "表5", address: "XFD1" }] },
    ]);
    expect(byRule("cell.error")).toEqual([
      { rule: "cell.error", severity: "warning", message: "公开01表 C7 是错误值 #REF!，相关勾稽关系无法校验", cells: [{ sheet: "表1", address: "C7" }] },
    ]);
    // the slip in 表5 is still found
    expect(byRule("T05.row").map((f: { cells: { address: string }[] }) => f.cells[0].address)).toEqual(["C10"]);
  });
});

describe("an output never replaces an input, and fails in one line", () => {
  it("-o onto the input is refused, the input untouched; -o and --json on one path too", async () => {
    const input = file("mine.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const before = fs.readFileSync(input);
    const r = await run("check", input, "-o", input);
    expect([r.code, r.stderr.trim()]).toEqual([2, `juesuan: ${input}：输出会覆盖输入文件，请换一个文件名（输入文件未改动）`]);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const both = await run("check", input, "-o", file("same.out"), "--json", file("same.out"));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("两个输出");
    expect((await run("draft", input, "-o", input)).code).toBe(2);
  });

  it("an output that cannot be written is exit 2 naming it, with no half file left", async () => {
    const target = path.join(file("no-such-folder"), "out.xlsx");
    const r = await run("check", SAMPLE, "-o", target);
    expect([r.code, r.stderr.trim()]).toEqual([2, `juesuan: ${target}：无法写入（ENOENT）`]);
    expect(fs.existsSync(file("no-such-folder"))).toBe(false);
    // a folder where the file should go: the same, and the folder untouched
    const folder = file("a-folder.xlsx");
    fs.mkdirSync(folder, { recursive: true });
    const onFolder = await run("check", SAMPLE, "-o", folder);
    expect(onFolder.code).toBe(2);
    expect(onFolder.stderr.trim()).toMatch(new RegExp(`^juesuan: ${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}：无法写入（E[A-Z]+）$`));
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(fs.readdirSync(path.dirname(folder)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("a batch marked into its own folder writes beside the inputs, never over them", async () => {
    const dir = file("batch-in-place");
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
    const before = fs.readFileSync(path.join(dir, "a.xlsx"));
    const r = await run("check", dir, "--workers", "0", "-o", dir);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "a.xlsx")).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["a(2).xlsx", "a.xlsx", "汇总.xlsx"]);
  });
});

describe("juesuan check DIR", () => {
  it("checks every workbook, skips a bad one with its reason, writes marked copies and a summary workbook", async () => {
    const dir = file("batch");
    fs.mkdirSync(path.join(dir, "区县"), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
    fs.copyFileSync(SAMPLE, path.join(dir, "区县", "b.xlsx"));
    fs.writeFileSync(path.join(dir, "broken.xlsx"), "not a workbook");
    fs.writeFileSync(path.join(dir, "~$a.xlsx"), "excel lock file");
    const r = await run("check", dir, "--json", file("batch.json"), "-o", file("batch-out"));
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(file("batch.json"), "utf8"));
    expect(json.workbooks).toEqual([
      { workbook: "a.xlsx", dept: "临夏市人民政府办公室", profile: "gansu", tables: 9, errors: 2, tails: 15, warnings: 1 },
      { workbook: "broken.xlsx", problem: expect.stringContaining("broken.xlsx：不是 .xlsx 文件") },
      { workbook: path.join("区县", "b.xlsx"), dept: "临夏市人民政府办公室", profile: "gansu", tables: 9, errors: 2, tails: 15, warnings: 1 },
    ]);
    expect(json.summary).toEqual({ workbooks: 3, unusable: 1, errors: 4, tails: 30, warnings: 2 });
    expect(r.stderr).toMatch(/\[#{24}\] 3\/3 剩余约 0 秒/);
    const summary = await readWorkbook(fs.readFileSync(path.join(file("batch-out"), "汇总.xlsx")));
    expect(summary[0].cells.map((row) => row[0].value)).toEqual(["工作簿", "a.xlsx", "broken.xlsx", path.join("区县", "b.xlsx")]);
    expect(fs.existsSync(path.join(file("batch-out"), "区县", "b.xlsx"))).toBe(true);
    // the summary's header is bold and stays in view
    const book = await loadWorkbook(fs.readFileSync(path.join(file("batch-out"), "汇总.xlsx")));
    expect([book.getWorksheet("汇总")!.getCell("A1").font?.bold, book.getWorksheet("汇总")!.views[0]]).toEqual([
      true,
      expect.objectContaining({ state: "frozen", ySplit: 1 }),
    ]);
  });

  it("a bug of ours is not an unusable workbook: the batch stops with exit 1, not a row", async () => {
    const dir = file("batch-bug");
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
    const spy = jest.spyOn(workflows, "checkAndMark").mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined");
    });
    try {
      const r = await run("check", dir, "--workers", "0", "--json", "-");
      expect([r.code, r.stdout]).toEqual([1, ""]);
      expect(r.stderr).toContain("内部错误：Cannot read properties of undefined");
    } finally {
      spy.mockRestore();
    }
  });
});

describe("the built command as a real process", () => {
  const ROOT = path.resolve(__dirname, "../..");
  beforeAll(() => execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.cli.json"], { cwd: ROOT }), 120_000);
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "dist-cli/cli/index.js"), ...args], { encoding: "utf8" });

  it("checks a directory with two worker threads, rows in file order, same as inline", async () => {
    const dir = file("batch-workers");
    fs.mkdirSync(dir, { recursive: true });
    for (const n of ["1", "2", "3"]) fs.copyFileSync(SAMPLE, path.join(dir, `${n}.xlsx`));
    fs.writeFileSync(path.join(dir, "4.xlsx"), "");
    const threaded = cli("check", dir, "--workers", "2", "--json", "-");
    expect(threaded.status).toBe(0);
    const inline = await run("check", dir, "--workers", "0", "--json", "-");
    expect(JSON.parse(threaded.stdout).workbooks).toEqual(JSON.parse(inline.stdout).workbooks);
    expect(JSON.parse(threaded.stdout).workbooks.map((r: { workbook: string }) => r.workbook)).toEqual(["1.xlsx", "2.xlsx", "3.xlsx", "4.xlsx"]);
  });

  it("exits 2 with one line and no stack trace on unusable input", () => {
    fs.writeFileSync(file("zero.xlsx"), "");
    const r = cli("check", file("zero.xlsx"));
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`juesuan: ${file("zero.xlsx")}：文件为空（0 字节）`);
  });
});

describe("juesuan template --subjects", () => {
  it("pre-fills the 科目 lines with their 类 and 款, named from the year's dictionary, totals live", async () => {
    const r = await run("template", "--tables", "05", "--year", "2024", "--subjects", "2010301,2080505", "-o", file("subjects.xlsx"));
    expect(r.code).toBe(0);
    const [g] = await readWorkbook(fs.readFileSync(file("subjects.xlsx")));
    const lines = g.cells.slice(6, 12).map((row) => [row[0].value, row[1].value, row[2].formula ?? null]);
    expect(lines).toEqual([
      [null, "合计", "=D7+E7"],
      ["201", "一般公共服务支出", "=D8+E8"],
      ["20103", "政府办公厅（室）及相关机构事务", "=D9+E9"],
      ["2010301", "行政运行", "=D10+E10"],
      ["208", "社会保障和就业支出", "=D11+E11"],
      ["20805", "行政事业单位养老支出", "=D12+E12"],
    ]);
    expect(g.cells[7][3].formula).toBe("=D9"); // 类 = Σ 款
  });

  it.each([
    [["--subjects", "2019999"], /科目代码 2019999 不在 2024 年度的科目字典中/],
    [["--subjects", "20"], /应为 3、5 或 7 位数字/],
    [["--subjects", "2010301", "--year", "2023"], /没有 2023 年度的科目字典（可用：2024、2025）/],
  ])("rejects %j with a clear message", async (args, message) => {
    const r = await run("template", "--tables", "05", ...(args.includes("--year") ? [] : ["--year", "2024"]), ...args, "-o", file("bad.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("juesuan check --text", () => {
  const narrative = (JSON.parse(fs.readFileSync(path.join(SEED001, "narrative.json"), "utf8")) as { passages: { id: string; text: string }[] }).passages;
  const line = (id: string) => 1 + narrative.findIndex((p) => p.id === id);

  it("checks a .txt 说明 alone: findings name the file and the line, the JSON says how much was read", async () => {
    fs.writeFileSync(file("说明.txt"), narrative.map((p) => p.text).join("\n"));
    const r = await run("check", "--text", file("说明.txt"), "--json", "-");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.workbook).toBeNull();
    expect(json.texts).toEqual([{ file: "说明.txt", sheet: "决算说明（说明.txt）", lines: narrative.length, withNumbers: 23 }]);
    const errors = json.findings
      .filter((f: { severity: string }) => f.severity === "error")
      .map((f: { rule: string; cells: { sheet: string; address: string }[] }) => `${f.rule} ${f.cells[0].sheet}!${f.cells[0].address}`);
    // 163 万元 is not the 4 projects' money; its share of 05表's 项目支出 cannot be judged without 05表
    expect(errors).toEqual([`N.projects.funds 决算说明（说明.txt）!A${line("001-p14")}`]);
    expect(json.findings.find((f: { rule: string }) => f.rule === "N.share.base").message).toBe(
      "决算说明“163万元,占一般公共预算项目支出总额的 18.7%”：找不到“一般公共预算项目支出总额”的金额，占比未核对",
    );
  });

  it("with a workbook: the text's amounts are checked against its tables (a GBK file too), the workbook is marked, the text is only reported", async () => {
    // "2024年度收入合计 888.29 万元。" saved by Notepad on a Chinese Windows (GB18030)
    fs.writeFileSync(file("gbk.txt"), Buffer.from("32303234c4eab6c8cad5c8ebbacfbcc6203838382e323920cdf2d4aaa1a3", "hex"));
    // and the same saved as Notepad's "Unicode" (UTF-16LE with its BOM)
    fs.writeFileSync(file("utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("2024年度收入合计 888.29 万元。", "utf16le")]));
    const r16 = await run("check", SAMPLE, "--text", file("utf16.txt"), "--json", "-");
    expect(
      JSON.parse(r16.stdout)
        .findings.filter((f: { cells: { sheet: string }[] }) => f.cells[0]?.sheet === "决算说明（utf16.txt）")
        .map((f: { message: string }) => f.message),
    ).toEqual(["决算说明“收入合计 888.29 万元”与公开01表（表1） 887.29 万元不一致"]);
    const r = await run("check", SAMPLE, "--text", file("gbk.txt"), "-o", file("with-text.xlsx"), "--json", file("with-text.json"));
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(file("with-text.json"), "utf8"));
    const fromText = json.findings.filter((f: { cells: { sheet: string }[] }) => f.cells[0]?.sheet === "决算说明（gbk.txt）");
    expect(fromText.map((f: { severity: string; message: string }) => [f.severity, f.message])).toEqual([
      ["error", "决算说明“收入合计 888.29 万元”与公开01表（表1） 887.29 万元不一致"],
    ]);
    const grids = await readWorkbook(fs.readFileSync(file("with-text.xlsx")));
    expect(grids.map((g) => g.sheet)).not.toContain("决算说明（gbk.txt）");
    const report = grids.find((g) => g.sheet === "校验报告")!;
    expect(report.cells.some((row) => row[2].value === "决算说明（gbk.txt）!A1")).toBe(true);
  });

  it("reads a Word .docx 说明 too: paragraphs in order, runs joined, table cells paragraph by paragraph", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    // Word splits runs anywhere: "887.29" arrives as "887" + ".29"
    const wr = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
    const para = (t: string) =>
      t.includes("887.29")
        ? `<w:p>${t
            .split("887.29")
            .map(wr)
            .join(wr("887") + wr(".29"))}</w:p>`
        : `<w:p>${wr(t)}</w:p>`;
    const body = narrative.map((p) => para(p.text)).join("") + `<w:tbl><w:tr><w:tc>${para("表中一格 &")}</w:tc></w:tr></w:tbl>`;
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file(
      "word/document.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    );
    fs.writeFileSync(file("说明.docx"), await zip.generateAsync({ type: "nodebuffer" }));
    const r = await run("check", SAMPLE, "--text", file("说明.docx"), "--json", "-");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.texts).toEqual([{ file: "说明.docx", sheet: "决算说明（说明.docx）", lines: narrative.length + 1, withNumbers: 23 }]);
    const errors = json.findings.filter(
      (f: { severity: string; cells: { sheet: string }[] }) => f.severity === "error" && f.cells[0]?.sheet === "决算说明（说明.docx）",
    );
    // with the tables, the 18.7% share and the 涉及资金 163 万元 (S001-0249, S001-0297), on the paragraph they are in
    expect(errors.map((f: { rule: string; cells: { address: string }[] }) => `${f.rule} ${f.cells[0].address}`).sort()).toEqual([
      `N.projects.funds A${line("001-p14")}`,
      `N.share A${line("001-p14")}`,
    ]);
  });

  it("refuses a workbook or an old .doc given as --text, in one line", async () => {
    const xlsx = await run("check", "--text", SAMPLE);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr.trim()).toBe(`juesuan: ${SAMPLE}：不是 .txt 或 .docx（工作簿请直接作为输入，不用 --text）`);
    fs.writeFileSync(file("old.doc"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]));
    const doc = await run("check", "--text", file("old.doc"));
    expect(doc.code).toBe(2);
    expect(doc.stderr.trim()).toBe(`juesuan: ${file("old.doc")}：不是文本文件（--text 接受 .txt 和 .docx；.doc 请另存为 .docx）`);
  });

  it("a text without numbers says so and finds nothing; no input at all is a usage error", async () => {
    fs.writeFileSync(file("words.txt"), "本部门严格执行预算。\n\n主要原因是人员变动。\n");
    const r = await run("check", "--text", file("words.txt"));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("words.txt：2 段，其中 0 段含金额或百分比，没有可核对的数字");
    const none = await run("check");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("请给出要校验的 .xlsx 文件，或用 --text 给出决算说明文本");
  });
});

describe("juesuan draft", () => {
  it("adds the draft sheet to a copy of the workbook and writes the text; checking the copy finds no wrong number in the draft, only what is left to fill", async () => {
    const r = await run("draft", SAMPLE, "-o", file("drafted.xlsx"), "--text", file("draft.txt"));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已起草决算说明 14 节，写入工作表“决算说明（草稿）”");
    const text = fs.readFileSync(file("draft.txt"), "utf8");
    expect(text.split("\n")[0]).toBe("临夏市人民政府办公室2024年度部门决算情况说明（草稿）");
    const check = await run("check", file("drafted.xlsx"), "--json", "-");
    const inDraft = JSON.parse(check.stdout).findings.filter((f: { cells: { sheet: string }[] }) => f.cells[0]?.sheet === "决算说明（草稿）");
    // every number the draft writes agrees with the tables; what it leaves blank is what stops it being published
    expect(inDraft.map((f: { rule: string; severity: string; message: string }) => [f.rule, f.severity, f.message])).toEqual([
      [
        "N.unfinished",
        "warning",
        expect.stringMatching(/^决算说明（草稿） 还有 \d+ 处待填写的“____”（第一处在 A\d+），以及“（草稿）”字样（A1）：公开前请补齐、删去$/),
      ],
    ]);
  });

  it("prints to stdout without -o; a workbook without the tables is a one-line refusal", async () => {
    const r = await run("draft", SAMPLE);
    expect(r.stdout).toContain("三、支出决算情况说明\n2024年度支出合计887.29万元");
    const blank = (await import("exceljs")).default;
    const wb = new blank.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "hello";
    await wb.xlsx.writeFile(file("plain.xlsx"));
    const refused = await run("draft", file("plain.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe("juesuan: plain.xlsx：工作簿中没有找到公开01/03/05表，无法起草决算说明");
  });
});
