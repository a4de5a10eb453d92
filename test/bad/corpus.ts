/**
 * The bad-input corpus: hostile and broken workbooks, generated (never committed), each with the
 * outcome the CLI must give — exit code, the one-line message, or the findings. The test asserts
 * the outcomes; the benchmark times them.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx";

export interface BadInput {
  name: string;
  file: string;
  /** exit 2 with this message, or exit 0 with these findings present */
  expect: { exit: 2; message: RegExp } | { exit: 0; findings: { rule: string; severity: string; count?: number }[]; tables?: number };
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export async function buildCorpus(dir: string, sample: string, options: { bigStringsMB?: number } = {}): Promise<BadInput[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: BadInput[] = [];
  const write = async (name: string, data: Buffer | ExcelJS.Workbook, expect: BadInput["expect"]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.isBuffer(data) ? data : await saveWorkbook(data));
    out.push({ name, file, expect });
  };
  const sampleBytes = fs.readFileSync(sample);
  const copy = async () => loadWorkbook(sampleBytes);

  await write("not-an-xlsx.xlsx", Buffer.from("项目,金额\n本年收入合计,887.29\n"), { exit: 2, message: /不是 \.xlsx 文件/ });
  await write("zero-bytes.xlsx", Buffer.alloc(0), { exit: 2, message: /文件为空（0 字节）/ });
  await write("truncated.xlsx", sampleBytes.subarray(0, Math.floor(sampleBytes.length / 2)), { exit: 2, message: /无法读取 \.xlsx（文件损坏或不完整/ });
  await write("password-protected.xlsx", Buffer.concat([OLE, Buffer.alloc(4096, 0)]), { exit: 2, message: /文件已加密（设置了打开密码）/ });

  {
    const wb = await copy();
    wb.getWorksheet("表5")!.getCell("A1048576").value = "最后一行";
    await write("million-rows.xlsx", wb, {
      exit: 0,
      tables: 9,
      findings: [
        { rule: "locate.stray", severity: "info", count: 1 },
        { rule: "T05.row", severity: "error" },
      ],
    });
  }
  {
    const wb = await copy();
    wb.getWorksheet("表2")!.getCell("XFD7").value = 1;
    // 20 rows × 16,384 columns is still read whole (327,680 cells): every table found and checked
    await write("columns-16384.xlsx", wb, {
      exit: 0,
      tables: 9,
      findings: [
        { rule: "locate.stray", severity: "info", count: 0 },
        { rule: "T05.row", severity: "error", count: 1 },
      ],
    });
  }
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("全合并");
    for (let r = 1; r <= 200; r += 2)
      for (let c = 1; c <= 26; c += 2) {
        ws.getCell(r, c).value = r * c;
        ws.mergeCells(r, c, r + 1, c + 1);
      }
    await write("every-cell-merged.xlsx", wb, { exit: 0, tables: 0, findings: [{ rule: "locate.missing", severity: "info", count: 9 }] });
  }
  {
    const wb = await copy();
    const t5 = wb.getWorksheet("表5")!;
    t5.getCell("D8").value = { error: "#REF!" };
    t5.getCell("E8").value = { error: "#DIV/0!" };
    t5.getCell("C11").value = { error: "#N/A" };
    await write("error-values.xlsx", wb, { exit: 0, tables: 9, findings: [{ rule: "cell.error", severity: "warning", count: 3 }] });
  }
  {
    const wb = await copy();
    const toFullWidth = (s: string) => s.replace(/[0-9.,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    for (const ws of wb.worksheets)
      ws.eachRow((row) => row.eachCell((c) => typeof c.value === "number" && !Number.isInteger(c.value) && (c.value = toFullWidth(c.value.toFixed(2)))));
    await write("fullwidth-text-numbers.xlsx", wb, {
      exit: 0,
      tables: 9,
      findings: [
        { rule: "T05.row", severity: "error", count: 1 },
        { rule: "T05.hierarchy", severity: "tail" },
      ],
    });
  }
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("空表");
    [
      ["五、一般公共预算财政拨款支出决算表"],
      [null, null, null, null, "公开05表"],
      ["项目", null, "本年支出"],
      ["科目代码", "科目名称", "小计", "基本支出", "项目支出"],
      ["栏次", null, 1, 2, 3],
    ].forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    await write("header-no-rows.xlsx", wb, { exit: 0, tables: 1, findings: [{ rule: "locate.missing", severity: "info", count: 8 }] });
  }
  {
    const wb = await copy();
    const t5 = wb.getWorksheet("表5")!;
    const twin = wb.addWorksheet("表5（复制）");
    t5.eachRow((row, r) => row.eachCell((c, col) => (twin.getCell(r, col).value = c.value)));
    await write("two-copies.xlsx", wb, { exit: 0, tables: 10, findings: [{ rule: "T05.row", severity: "error", count: 2 }] });
  }
  {
    const wb = await copy();
    const t5 = wb.getWorksheet("表5")!;
    t5.getCell("D8").value = { formula: "E8+C8" };
    t5.getCell("C8").value = { formula: "D8+E8" };
    await write("circular-formulas.xlsx", wb, { exit: 0, tables: 9, findings: [{ rule: "T05.hierarchy", severity: "error" }] });
  }
  {
    const mb = options.bigStringsMB ?? 50;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("长文本");
    const chunk = "决算说明".repeat(256); // 1,024 characters, 3 KB in UTF-8
    const cells = Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(chunk));
    for (let i = 0; i < cells; i++) ws.getCell(1 + Math.floor(i / 20), 1 + (i % 20)).value = `${i}:${chunk}`;
    await write("big-strings.xlsx", wb, { exit: 0, tables: 0, findings: [{ rule: "locate.missing", severity: "info", count: 9 }] });
  }
  return out;
}
