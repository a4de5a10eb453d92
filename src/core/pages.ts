/**
 * Findings on a printed document name its pages: a cell of a table read from a PDF becomes
 * "第12页 公开05表" with its page, a line of its 说明 "第21页 决算说明". Pure.
 */
import { CellRef, Finding } from "./finding";
import { kind } from "../catalog/findings";
import { parseCell } from "./address";

/** The page each row of a sheet (a table read from the document, or its 说明) was printed on. */
export interface PagedSheet {
  sheet: string;
  rowPages: number[];
  /** what the sheet is: the table number found on it ("公开05表"), or "决算说明" */
  label?: string;
}

export function onPages(findings: Finding[], sheets: PagedSheet[]): Finding[] {
  const bySheet = new Map(sheets.map((s) => [s.sheet, s]));
  const place = (ref: CellRef): CellRef => {
    const s = bySheet.get(ref.sheet);
    if (!s) return ref;
    const row = parseCell(ref.address.split(":")[0]).row;
    const page = s.rowPages[Math.min(row, s.rowPages.length - 1)];
    if (page === undefined) return ref;
    return { sheet: `第${page}页${s.label ? ` ${s.label}` : ""}`, address: ref.address, page };
  };
  return findings.map((f) => ({ ...f, cells: f.cells.map(place), ...(f.cause ? { cause: { ...f.cause, ...place(f.cause) } } : {}) }));
}

/** Pages the document gives no text for are named once each, never guessed at. */
export interface UnreadPage {
  page: number;
  reason: "image" | "unmapped";
}

export function unreadPages(unread: UnreadPage[]): Finding[] {
  return unread.map((u) => ({
    rule: kind("document.unread"),
    severity: "info" as const,
    message: u.reason === "image" ? `第 ${u.page} 页是图像，未读取` : `第 ${u.page} 页的文字无法识别（字体没有字符映射），未读取`,
    cells: [{ sheet: `第${u.page}页`, address: "A1", page: u.page }],
  }));
}
