/** The workbook part: where it is, which sheets it lists (name, state, part), and its sheets' kin parts. */
import { Package, Relationship, UnusableWorkbookError } from "./zip";
import { XmlElement, attr, child, children } from "../../documents/xml";
import { SheetVisibility } from "../../core/grid";

export interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  /** the sheet's part, found through the workbook's relationships */
  part: string;
  relId: string;
}

export interface WorkbookPart {
  part: string;
  root: XmlElement;
  relationships: Relationship[];
  sheets: SheetEntry[];
  sharedStrings?: string;
  styles?: string;
  /** an .xlsm (or .xltm): its main part's content type says macros; a copy must keep that name */
  macroEnabled: boolean;
}

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

export async function workbookPart(pkg: Package): Promise<WorkbookPart> {
  if (pkg.has("mimetype") && (await pkg.text("mimetype")).trim() === ODS_MIME)
    throw new UnusableWorkbookError(`${pkg.name}：是 OpenDocument 表格（.ods），不是 .xlsx，请在 WPS 或 Excel 中另存为 .xlsx`);
  const office = (await pkg.relationships("")).find((r) => r.type === "officeDocument");
  const part = office?.target ?? "xl/workbook.xml";
  if (!pkg.has(part)) {
    const what = pkg.has("word/document.xml") ? "是 Word 文档" : pkg.has("ppt/presentation.xml") ? "是 PowerPoint 文稿" : "zip 中没有工作簿部件";
    throw new UnusableWorkbookError(`${pkg.name}：不是 Excel 工作簿（${what}）`);
  }
  const root = await pkg.xml(part);
  const relationships = await pkg.relationships(part);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const list = child(root, "sheets");
  const sheets: SheetEntry[] = [];
  for (const s of list ? children(list, "sheet") : []) {
    const relId = attr(s, "id", true) ?? "";
    const rel = byId.get(relId);
    // a chartsheet or dialog sheet holds no cells: not a table
    if (!rel || rel.type !== "worksheet") continue;
    if (!pkg.has(rel.target)) throw new UnusableWorkbookError(`${pkg.name}：缺少工作表“${attr(s, "name")}”的部件 ${rel.target}（文件损坏或不完整）`);
    const state = attr(s, "state");
    sheets.push({ name: attr(s, "name") ?? "", visibility: state === "veryHidden" || state === "hidden" ? state : "visible", part: rel.target, relId });
  }
  const target = (type: string) => relationships.find((r) => r.type === type && !r.external)?.target;
  const types = pkg.has("[Content_Types].xml") ? await pkg.xml("[Content_Types].xml") : undefined;
  const main = types && children(types, "Override").find((o) => attr(o, "PartName") === `/${part}`);
  const macroEnabled = /macroEnabled/i.test(main ? (attr(main, "ContentType") ?? "") : "") || relationships.some((r) => r.type === "vbaProject");
  return { part, root, relationships, sheets, sharedStrings: target("sharedStrings"), styles: target("styles"), macroEnabled };
}
