/**
 * Mutation sweep on the real fixture (seed 001, clean): every amount of 公开05表, 03表 and 02表 typed
 * wrong in turn (+10.00) gives exactly one red cell — the one typed wrong — with `cause` naming it.
 */
import { checkAndMark } from "../../src/core/workflows";
import { Grid } from "../../src/core/grid";
import { cellAddress, parseCell } from "../../src/core/address";
import { readGrids } from "../../src/xlsx";
import { seedWorkbook } from "../fixtures/seed-workbooks";

const clean = readGrids(seedWorkbook("sheets"));
const RED = "#FFC7CE";

/** The cells the marks paint red on the accountant's sheets. */
function redCells(grids: Grid[]): string[] {
  const { plan } = checkAndMark(grids);
  return plan.ops.flatMap((op) => (op.op === "fill" && op.color === RED && /^表\d$/.test(op.sheet) ? op.addresses.map((a) => `${op.sheet}!${a}`) : []));
}

function amounts(sheet: string): string[] {
  const g = clean.find((x) => x.sheet === sheet)!;
  const o = parseCell(g.origin);
  const out: string[] = [];
  g.cells.forEach((row, r) => row.forEach((c, col) => typeof c.value === "number" && col >= 2 && out.push(cellAddress({ row: o.row + r, col: o.col + col }))));
  return out;
}

it("the clean fixture has no red cell", () => {
  expect(redCells(clean)).toEqual([]);
});

it.each(["表5", "表3", "表2"])("every amount of %s typed wrong gives one red cell, the one typed wrong", (sheet) => {
  const cells = amounts(sheet);
  expect(cells.length).toBeGreaterThan(10);
  const wrong: string[] = [];
  for (const address of cells) {
    const grids = clean.map((g) => (g.sheet === sheet ? { ...g, cells: g.cells.map((r) => r.map((c) => ({ ...c }))) } : g));
    const g = grids.find((x) => x.sheet === sheet)!;
    const o = parseCell(g.origin);
    const p = parseCell(address);
    const cell = g.cells[p.row - o.row][p.col - o.col];
    cell.value = (cell.value as number) + 10;
    const red = redCells(grids);
    if (red.length !== 1 || red[0] !== `${sheet}!${address}`) wrong.push(`${address} → ${red.join(" ") || "none"}`);
  }
  expect(wrong).toEqual([]);
});
