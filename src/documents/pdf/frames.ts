/**
 * Ruled tables on a page: the ruling lines that touch one another make a frame; its distinct line
 * positions make the grid of cells, and a border missing between two cells merges them (a header
 * spanning columns, a label spanning rows). Pure geometry, in PDF points.
 */
import { Rule } from "./page";

/** Two lines this close are one (a double border, a rounding of the producer). */
const SAME = 1.5;
/** Bands narrower than this hold no text: the gap of a double border. */
const MIN_BAND = 3;

export interface Frame {
  /** column edges, left to right */
  xs: number[];
  /** row edges, top to bottom (y decreasing) */
  ys: number[];
  /** for each cell [row][col], the index of its merged cell (the top-left cell's row * cols + col) */
  owner: number[][];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const horizontal = (r: Rule) => r.y1 === r.y2;

function touches(a: Rule, b: Rule): boolean {
  return a.x1 - SAME <= b.x2 && b.x1 - SAME <= a.x2 && a.y1 - SAME <= b.y2 && b.y1 - SAME <= a.y2;
}

/** Positions within SAME of each other clustered to their mean, sorted ascending. */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SAME) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** Drop edges that make a band narrower than MIN_BAND (keeping the outer ones). */
function bands(edges: number[]): number[] {
  const out = [edges[0]];
  for (let i = 1; i < edges.length; i++) {
    if (edges[i] - out[out.length - 1] >= MIN_BAND) out.push(edges[i]);
    else if (i === edges.length - 1) out[out.length - 1] = edges[i];
  }
  return out;
}

/** Groups of touching lines, each group a frame when it has at least two lines each way. */
function groups(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // sweep by left end: only lines whose x-ranges overlap can touch
  const order = rules.map((_, i) => i).sort((a, b) => rules[a].x1 - rules[b].x1);
  for (let i = 0; i < order.length; i++) {
    const a = rules[order[i]];
    for (let j = i + 1; j < order.length && rules[order[j]].x1 - SAME <= a.x2; j++) {
      if (touches(a, rules[order[j]])) parent[find(order[i])] = find(order[j]);
    }
  }
  const byRoot = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), r]);
  });
  return [...byRoot.values()];
}

function covers(lines: Rule[], at: number, from: number, to: number, isHorizontal: boolean): boolean {
  const mid = (from + to) / 2;
  return lines.some((r) =>
    isHorizontal
      ? Math.abs(r.y1 - at) <= SAME && r.x1 - SAME <= mid && mid <= r.x2 + SAME
      : Math.abs(r.x1 - at) <= SAME && r.y1 - SAME <= mid && mid <= r.y2 + SAME,
  );
}

export function framesOf(rules: Rule[]): Frame[] {
  const frames: Frame[] = [];
  for (const group of groups(rules)) {
    const hs = group.filter(horizontal);
    const vs = group.filter((r) => !horizontal(r));
    const xs = bands(distinct(vs.map((r) => r.x1)));
    const ys = bands(distinct(hs.map((r) => r.y1))).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    const parent = Array.from({ length: rows * cols }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const join = (a: number, b: number) => {
      const [ra, rb] = [find(a), find(b)];
      // the top-left cell owns the merged area
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (c + 1 < cols && !covers(vs, xs[c + 1], ys[r + 1], ys[r], false)) join(r * cols + c, r * cols + c + 1);
        if (r + 1 < rows && !covers(hs, ys[r + 1], xs[c], xs[c + 1], true)) join(r * cols + c, (r + 1) * cols + c);
      }
    }
    const owner = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => find(r * cols + c)));
    frames.push({ xs, ys, owner, left: xs[0], right: xs[cols], top: ys[0], bottom: ys[rows] });
  }
  return frames.sort((a, b) => b.top - a.top || a.left - b.left);
}

/** The cell of a frame at a point, or undefined outside it. */
export function cellAtPoint(frame: Frame, x: number, y: number): { row: number; col: number } | undefined {
  if (x < frame.left || x > frame.right || y > frame.top || y < frame.bottom) return undefined;
  let col = 0;
  while (col < frame.xs.length - 2 && x > frame.xs[col + 1]) col++;
  let row = 0;
  while (row < frame.ys.length - 2 && y < frame.ys[row + 1]) row++;
  return { row, col };
}
