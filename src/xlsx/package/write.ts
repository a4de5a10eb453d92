/**
 * The marks writer: a WritePlan executed on the input package itself. Only the parts the plan
 * needs change — the styles part grows the formats, marked cells get their new style index and
 * notes, our sheets are added or removed with their entries in the workbook part; every other
 * part (charts, drawings, threaded comments, external links, custom properties, macros, printer
 * settings, parts we do not know) is written back byte for byte.
 */
import { areaAddress, areaCells, columnIndex, parseArea, parseCell, qualified } from "../../core/address";
import { PAGE_FOOTER, PlanOp, WritePlan } from "../../core/plan";
import { NewSheet } from "./sheet-new";
import { cellStyles, restyleCells } from "./sheet-patch";
import { SHEET_COLUMNS } from "../../core/grid";
import { setNotes } from "./notes";
import { MINIMAL_STYLES, StyleBook, StylePatch } from "./styles";
import { TYPES, addRelationship, freePart, removeRelationship, setOverride } from "./parts";
import { workbookPart } from "./workbook";
import { Package, relsPath } from "./zip";
import { attr, child, children, documentXml, element, parseXml } from "../../documents/xml";

interface SheetState {
  name: string;
  part: string;
  relId: string;
  /** our own new sheet, built in memory; absent for the accountant's sheets */
  built?: NewSheet;
  /** the part's text once an op has touched it */
  xml?: string;
  notes: Map<string, string | null>;
}

const key = (address: string) => {
  const p = parseCell(address);
  return p.row * SHEET_COLUMNS + p.col;
};

function cellsOf(addresses: string[]): number[] {
  return addresses.flatMap((a) => [...areaCells(parseArea(a))].map((p) => p.row * SHEET_COLUMNS + p.col));
}

export async function applyPlanToPackage(pkg: Package, plan: WritePlan): Promise<void> {
  const wb = await workbookPart(pkg);
  const wbDoc = parseXml(await pkg.text(wb.part));
  const sheetsEl = child(wbDoc.root, "sheets")!;
  const rPrefix =
    Object.entries(wbDoc.root.attrs)
      .find(([k, v]) => k.startsWith("xmlns:") && v === TYPES.worksheet.rel.replace(/\/worksheet$/, ""))?.[0]
      .slice(6) ?? "r";
  let wbChanged = false;

  let stylesPart = wb.styles;
  if (!stylesPart || !pkg.has(stylesPart)) {
    stylesPart = "xl/styles.xml";
    pkg.set(stylesPart, MINIMAL_STYLES);
    await setOverride(pkg, stylesPart, TYPES.styles.content);
    await addRelationship(pkg, wb.part, TYPES.styles.rel, stylesPart);
  }
  const styles = new StyleBook(await pkg.text(stylesPart));

  const sheets = new Map<string, SheetState>(wb.sheets.map((s) => [s.name, { name: s.name, part: s.part, relId: s.relId, notes: new Map() }]));
  const sheet = (name: string): SheetState => {
    const s = sheets.get(name);
    if (!s) throw new Error(`工作表“${name}”不存在`);
    return s;
  };
  const text = async (s: SheetState): Promise<string> => (s.xml ??= await pkg.text(s.part));
  /** Apply a style change to cells, on a sheet of ours (in memory) or the accountant's (in its part). */
  const restyle = async (name: string, cells: number[], f: (style: number) => number) => {
    const s = sheet(name);
    if (s.built) {
      for (const k of cells) {
        const c = s.built.cell(Math.floor(k / SHEET_COLUMNS), k % SHEET_COLUMNS);
        c.style = f(c.style);
      }
    } else s.xml = restyleCells(await text(s), new Map(cells.map((k) => [k, f])));
  };
  const patch = (name: string, addresses: string[], p: StylePatch) => restyle(name, cellsOf(addresses), (s) => styles.derive(s, p));

  for (const op of plan.ops) await apply(op);

  async function apply(op: PlanOp): Promise<void> {
    switch (op.op) {
      case "addSheet":
        return addSheet(op.sheet, op.visibility ?? "visible");
      case "deleteSheet":
        return deleteSheet(op.sheet);
      case "setValues":
      case "setFormulas": {
        const b = built(op.sheet);
        const a = parseArea(op.address);
        const rows = op.op === "setValues" ? op.values : op.formulas;
        rows.forEach((r, i) =>
          r.forEach((v, j) => {
            const c = b.cell(a.top + i, a.left + j);
            if (op.op === "setFormulas" && typeof v === "string" && v.startsWith("=")) c.formula = v;
            else c.value = v;
          }),
        );
        return;
      }
      case "hyperlink": {
        const p = parseCell(op.cell);
        const c = built(op.sheet).cell(p.row, p.col);
        const q = (s: string) => s.replace(/"/g, '""');
        c.formula = `HYPERLINK("#${q(qualified(op.target.sheet, op.target.address))}","${q(op.text)}")`;
        c.value = op.text;
        return;
      }
      case "fill":
        return patch(op.sheet, op.addresses, { fill: op.color });
      case "font":
        return patch(op.sheet, op.addresses, { font: op.font });
      case "numberFormat":
        return patch(op.sheet, [op.address], { numberFormat: op.format });
      case "borders":
        return patch(op.sheet, [op.address], { border: op.style });
      case "alignment":
        return patch(op.sheet, [op.address], { alignment: { horizontal: op.horizontal, vertical: op.vertical, wrapText: op.wrapText } });
      case "merge":
        built(op.sheet).merges.push(areaAddress(parseArea(op.address)));
        return;
      case "columnWidth":
        for (const c of op.columns) built(op.sheet).widths.set(columnIndex(c.column), c.width);
        return;
      case "rowHeight":
        for (const r of op.rows) built(op.sheet).heights.set(r.row - 1, r.height);
        return;
      case "freeze":
        built(op.sheet).freeze = { rows: op.rows, columns: op.columns };
        return;
      case "printSetup":
        built(op.sheet).print = {
          orientation: op.orientation,
          fitToWidth: op.fitToWidth,
          titleRows: op.titleRows,
          onePage: op.onePage,
          centered: op.centered,
          footer: op.pageNumbers ? PAGE_FOOTER : undefined,
        };
        return;
      case "note":
        sheet(op.sheet).notes.set(op.cell, op.text);
        return;
      case "chart":
        // files get no chart: the data block stays, Excel draws the pie through the add-in
        return;
      case "saveFormats": {
        const name = op.sheet;
        await addSheet(name, "veryHidden");
        const ledger = built(name);
        const bySheet = new Map<string, number[]>();
        for (const c of op.cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), key(c.address)]);
        const current = new Map<string, Map<number, number>>();
        for (const [name, cells] of bySheet) {
          const s = sheet(name);
          current.set(
            name,
            s.built ? new Map(cells.map((k) => [k, s.built!.cell(Math.floor(k / SHEET_COLUMNS), k % SHEET_COLUMNS).style])) : cellStyles(await text(s), cells),
          );
        }
        op.cells.forEach((c, i) => {
          ledger.cell(i, 0).value = qualified(c.sheet, c.address);
          // the ledger's cell wears the marked cell's own format: restoring copies it back
          ledger.cell(i, 1).style = current.get(c.sheet)!.get(key(c.address)) ?? 0;
          ledger.cell(i, 2).value = c.note;
        });
        return;
      }
      case "restoreFormats": {
        const name = op.sheet;
        const s = sheet(name);
        const saved = cellStyles(
          await text(s),
          op.cells.map((_, i) => i * SHEET_COLUMNS + 1),
        );
        const bySheet = new Map<string, Map<number, number>>();
        op.cells.forEach((c, i) => {
          if (!bySheet.has(c.sheet)) bySheet.set(c.sheet, new Map());
          bySheet.get(c.sheet)!.set(key(c.address), saved.get(i * SHEET_COLUMNS + 1) ?? 0);
        });
        for (const [name, cells] of bySheet) {
          if (!sheets.has(name)) continue;
          const st = sheet(name);
          if (st.built) continue;
          st.xml = restyleCells(await text(st), new Map([...cells].map(([k, v]) => [k, () => v])));
        }
        return deleteSheet(name);
      }
      case "dataValidation":
      case "locked":
      case "protect":
        throw new Error(`写入已有工作簿时不支持操作 ${op.op}（仅用于新建模板）`);
    }
  }

  function built(name: string): NewSheet {
    const s = sheet(name);
    if (!s.built) throw new Error(`工作表“${name}”是用户的表，不改写其内容`);
    return s.built;
  }

  async function addSheet(name: string, visibility: "visible" | "hidden" | "veryHidden"): Promise<void> {
    if (sheets.has(name)) throw new Error(`工作表“${name}”已存在`);
    const part = freePart(pkg, "xl/worksheets", "sheet", "xml");
    pkg.set(part, ""); // reserve the name
    await setOverride(pkg, part, TYPES.worksheet.content);
    const relId = await addRelationship(pkg, wb.part, TYPES.worksheet.rel, part);
    const ids = children(sheetsEl, "sheet").map((s) => Number(attr(s, "sheetId") ?? 0));
    const el = element(sheetsEl, "sheet", { name, sheetId: String(Math.max(0, ...ids) + 1) });
    if (visibility !== "visible") el.attrs.state = visibility;
    el.attrs[`${rPrefix}:id`] = relId;
    if (!wbDoc.root.attrs[`xmlns:${rPrefix}`]) wbDoc.root.attrs[`xmlns:${rPrefix}`] = TYPES.worksheet.rel.replace(/\/worksheet$/, "");
    sheetsEl.children.push(el);
    wbChanged = true;
    sheets.set(name, { name, part, relId, built: new NewSheet(), notes: new Map() });
  }

  async function deleteSheet(name: string): Promise<void> {
    const s = sheet(name);
    const list = children(sheetsEl, "sheet");
    const index = list.findIndex((e) => attr(e, "name") === name);
    const sheetId = index >= 0 ? attr(list[index], "sheetId") : undefined;
    sheetsEl.children = sheetsEl.children.filter((c) => c !== list[index]);
    fixSheetIndexes(index);
    for (const r of await pkg.relationships(s.part))
      if (!r.external && pkg.has(r.target) && /^(comments|vmlDrawing)$/.test(r.type)) {
        pkg.remove(r.target);
        await setOverride(pkg, r.target, null);
      }
    pkg.remove(s.part);
    if (pkg.has(relsPath(s.part))) pkg.remove(relsPath(s.part));
    await setOverride(pkg, s.part, null);
    await removeRelationship(pkg, wb.part, s.relId);
    if (sheetId) await dropFromCalcChain(sheetId);
    sheets.delete(name);
    wbChanged = true;
  }

  /** Defined names and views count sheets by position: those after a removed sheet move up one. */
  function fixSheetIndexes(removed: number): void {
    const names = child(wbDoc.root, "definedNames");
    if (names) {
      names.children = names.children.filter((n) => typeof n === "string" || attr(n, "localSheetId") !== String(removed));
      for (const n of children(names)) {
        const id = Number(attr(n, "localSheetId") ?? -1);
        if (id > removed) n.attrs.localSheetId = String(id - 1);
      }
      if (children(names).length === 0) wbDoc.root.children = wbDoc.root.children.filter((c) => c !== names);
    }
    const count = children(sheetsEl, "sheet").length;
    for (const v of children(child(wbDoc.root, "bookViews") ?? element(wbDoc.root, "bookViews"), "workbookView"))
      for (const a of ["activeTab", "firstSheet"]) {
        const n = Number(attr(v, a) ?? 0);
        if (n > removed || n >= count) v.attrs[a] = String(Math.max(0, Math.min(n > removed ? n - 1 : n, count - 1)));
      }
  }

  /** The calculation chain may list cells of a sheet we remove: Excel would call the file damaged. */
  async function dropFromCalcChain(sheetId: string): Promise<void> {
    const rel = (await pkg.relationships(wb.part)).find((r) => r.type === "calcChain");
    if (!rel || !pkg.has(rel.target)) return;
    const doc = parseXml(await pkg.text(rel.target));
    const before = children(doc.root).length;
    let current = "";
    // an entry without i belongs to the previous entry's sheet: kept entries say their own
    doc.root.children = doc.root.children.filter((c) => {
      if (typeof c === "string") return true;
      current = attr(c, "i") ?? current;
      c.attrs.i = current;
      return current !== sheetId;
    });
    if (children(doc.root).length === before) return;
    if (children(doc.root).length > 0) {
      pkg.set(rel.target, documentXml(doc));
      return;
    }
    pkg.remove(rel.target);
    await setOverride(pkg, rel.target, null);
    await removeRelationship(pkg, wb.part, rel.id);
  }

  /** Rows repeated on every printed page: a defined name local to the sheet, by its position in the workbook. */
  function printTitles(): void {
    const list = children(sheetsEl, "sheet");
    for (const s of sheets.values()) {
      const rows = s.built?.print?.titleRows;
      if (!rows) continue;
      const index = list.findIndex((e) => attr(e, "name") === s.name);
      let names = child(wbDoc.root, "definedNames");
      if (!names) {
        names = element(wbDoc.root, "definedNames");
        // CT_Workbook: definedNames come after sheets (and externalReferences), before calcPr
        const after = child(wbDoc.root, "externalReferences") ?? sheetsEl;
        wbDoc.root.children.splice(wbDoc.root.children.indexOf(after) + 1, 0, names);
      }
      const quoted = `'${s.name.replace(/'/g, "''")}'`;
      names.children.push(
        element(names, "definedName", { name: "_xlnm.Print_Titles", localSheetId: String(index) }, [`${quoted}!$${rows.first}:$${rows.last}`]),
      );
      wbChanged = true;
    }
  }

  // notes and our new sheets go last, once every op has shaped them
  let block = 1;
  for (const s of sheets.values()) {
    block++;
    if (s.built) s.xml = s.built.xml();
    if (s.notes.size) s.xml = await setNotes(pkg, s.part, await text(s), s.notes, 64 + block);
    if (s.xml !== undefined) pkg.set(s.part, s.xml);
  }
  printTitles();
  if (styles.changed) pkg.set(stylesPart, styles.xml());
  if (wbChanged) pkg.set(wb.part, documentXml(wbDoc));
}
