/** Bases that 决算说明 sentences name for their shares, and the table cell that holds each. */
import { CellRef as TableCell } from "./types";

export const NARRATIVE_BASES: { names: string[]; table: string; cell: TableCell }[] = [
  { names: ["一般公共预算项目支出总额", "一般公共预算财政拨款项目支出"], table: "T05", cell: { key: "total", col: "c3" } },
  { names: ["政府性基金预算项目支出总额"], table: "T07", cell: { key: "total", col: "c5" } },
  { names: ["国有资本经营预算项目支出总额"], table: "T08", cell: { key: "total", col: "c3" } },
  { names: ["一般公共预算财政拨款支出", "一般公共预算财政拨款支出总额"], table: "T05", cell: { key: "total", col: "c1" } },
];
