/** The streaming sheet reader on parts as other programs write them: shared formulas, inline strings, rows and cells without r, the cell limit. */
import { Readable } from "stream";
import { readSheetCells, shiftFormula } from "../../src/xlsx/package/sheet-read";
import { cellFormats } from "../../src/xlsx/package/formats";

const sheet = (data: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${data}</x:sheetData></x:worksheet>`;
/** the part in chunks of 7 bytes: a character split between chunks must still be read whole */
const stream = (xml: string) => {
  const bytes = Buffer.from(xml);
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7)));
};
const at = (cells: Map<number, unknown>, row: number, col: number) => cells.get(row * 16384 + col);

it("moves a shared formula's relative references with the cell, and leaves anchored, quoted and function names alone", () => {
  expect(shiftFormula("B2+C2", 1, 0)).toBe("B3+C3");
  expect(shiftFormula("$B$2+C2", 2, 1)).toBe("$B$2+D4");
  expect(shiftFormula("SUM(B2:B5)*LOG10(A1)", 1, 0)).toBe("SUM(B3:B6)*LOG10(A2)");
  expect(shiftFormula('"A1"&表5!C10', 1, 0)).toBe('"A1"&表5!C11');
});

it("reads prefixed parts, shared formulas, inline strings, errors and cells without r", async () => {
  const xml = sheet(
    '<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2"><x:v>2</x:v></x:c><x:c r="C2"><x:f t="shared" ref="C2:C3" si="0">A2+B2</x:f><x:v>3</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="C3"><x:f t="shared" si="0"/><x:v>7</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>收入</x:t></x:r><x:r><x:t>合计</x:t></x:r></x:is></x:c><x:c t="e"><x:v>#REF!</x:v></x:c></x:row>' +
      "<x:row><x:c><x:f>SUM(A1:A3)</x:f></x:c></x:row>",
  );
  const read = await readSheetCells(stream(xml), [], cellFormats(undefined));
  expect(at(read.cells, 2, 2)).toEqual({ value: 7, formula: "=A3+B3" });
  expect(at(read.cells, 2, 3)).toEqual({ value: "收入合计" });
  expect(at(read.cells, 2, 4)).toEqual({ value: "#REF!" });
  // a row without r follows the one before; its formula was saved without a result
  expect(at(read.cells, 3, 0)).toEqual({ value: null, formula: "=SUM(A1:A3)", uncalculated: true });
  expect(read.uncalculated).toBe(1);
});

it("past the limit a sheet's cells are counted, not kept", async () => {
  const rows = Array.from({ length: 10 }, (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}"><x:v>${i}</x:v></x:c></x:row>`).join("");
  const read = await readSheetCells(stream(sheet(rows)), [], cellFormats(undefined), 4);
  expect(read.cells.size).toBe(4);
  expect(read.overflow).toEqual({ count: 6, example: "A5" });
});
