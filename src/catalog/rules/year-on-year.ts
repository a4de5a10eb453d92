/**
 * Year on year, when the workbook carries last year's figures (a 上年数 sheet: 名称 | 金额): what
 * must carry over from last year's closing, and which changes the 说明 must explain. Data only;
 * core/disclosure/year-on-year.ts evaluates it.
 */
import { ItemSelector } from "./types";

/** A place in this year's tables and the names last year's figure may go by. */
export interface YearPlace {
  table: string;
  item: ItemSelector;
  col: string;
  label: string;
  lastYear: string[];
}

/** This year's opening balance is last year's closing one. */
export const CARRY_OVERS: YearPlace[] = [
  { table: "T01", item: { line: 29 }, col: "amount", label: "年初结转和结余", lastYear: ["年末结转和结余"] },
  { table: "T04", item: { line: 28 }, col: "amount", label: "年初财政拨款结转和结余", lastYear: ["年末财政拨款结转和结余"] },
];

/** A change beyond this share (%) of last year's figure needs its reason in the 说明. */
export const CHANGE_NEEDING_REASON = 30;

/** The figures whose change is watched: the 三公 total, and (below) every 类 of 一般公共预算财政拨款支出. */
export const WATCHED: YearPlace[] = [
  {
    table: "T09",
    item: { key: "values" },
    col: "c7",
    label: "“三公”经费",
    lastYear: ["三公经费", "“三公”经费", "三公经费支出", "三公经费财政拨款支出", "“三公”经费支出"],
  },
];

/** Every 类 row of this table, in this column, is watched by its name. */
export const WATCHED_CLASSES = { table: "T05", col: "c1" };
