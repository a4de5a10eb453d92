/** Reads the table layouts out of ../shared/spec/tables.md, so tests compare with the law itself. */
import * as fs from "fs";
import * as path from "path";
import { SHARED } from "../fixtures/seed-workbooks";

export interface SpecTable {
  number: string;
  title: string;
  layout: string;
  /** 栏次 → header path */
  columns: Map<string, string[]>;
  /** two-sided: [行次, label] pairs for both sides ("" where blank) */
  lines: [number, string][];
  /** 06表: per printed line, the [code, name] of each panel */
  panels: [string, string][][];
}

export function readSpecTables(): SpecTable[] {
  const text = fs.readFileSync(path.join(SHARED, "spec/tables.md"), "utf8");
  const sections = text.split(/^### /m).slice(1);
  return sections
    .map((sec) => {
      const head = /^(公开\d\d表) (\S+) \(`(\w+)`\)/.exec(sec);
      if (!head) return undefined;
      const columns = new Map<string, string[]>();
      for (const line of sec.split("\n").filter((l) => /^- (columns|收入|支出)/.test(l))) {
        for (const m of line.matchAll(/栏次 (\d+) = ([^;]+?)(?= \(printed|;|$)/g)) columns.set(m[1], m[2].split(" / ").map((s) => s.trim()));
      }
      const lines: [number, string][] = [];
      const panels: [string, string][][] = [];
      for (const row of sec.split("\n").filter((l) => /^\| \d+ \|/.test(l))) {
        const cells = row.split("|").slice(1, -1).map((c) => c.trim());
        if (head[3] === "three_panel") {
          panels.push(cells.slice(1).map((c) => {
            const m = /→ (\d+) (.+)$/.exec(c);
            return m ? [m[1], m[2]] : ["", ""];
          }) as [string, string][]);
        } else {
          const label = (s: string) => (s === "(blank)" ? "" : s);
          lines.push([Number(cells[0]), label(cells[1])], [Number(cells[2]), label(cells[3])]);
        }
      }
      return { number: head[1], title: head[2], layout: head[3], columns, lines, panels };
    })
    .filter((x): x is SpecTable => !!x);
}
