/**
 * Cell notes (legacy comments) of one sheet: the comments part holds the text, a VML drawing the
 * box Excel shows on hover. A note we remove leaves nothing behind; when a sheet has no note
 * left, both parts and their references go. Boxes are sized to their text.
 */
import { parseCell } from "../../core/address";
import { Package } from "./zip";
import { TYPES, addRelationship, ensureDefault, freePart, removeRelationship, setOverride } from "./parts";
import { XmlDocument, XmlElement, attr, child, children, documentXml, element, escapeXml, parseXml, textOf } from "../../documents/xml";

const AUTHOR = "决算助手";
const EMPTY_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors/><commentList/></comments>';

function vmlHead(block: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
  );
}

/** A box wide and tall enough for the text: about 40 characters a line, 14 pt a line. */
function noteBox(row: number, col: number, text: string, id: number): string {
  const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / 22)), 0);
  const width = 240;
  const height = Math.min(400, 16 + lines * 14);
  const rowsDown = Math.ceil(height / 15);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:${width}pt;height:${height}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 5}, 15, ${row + rowsDown}, 2</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPE = /<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g;

function shapeAt(shape: string): string | undefined {
  if (!/ObjectType="Note"/.test(shape)) return undefined;
  const r = /<x:Row>(\d+)<\/x:Row>/.exec(shape);
  const c = /<x:Column>(\d+)<\/x:Column>/.exec(shape);
  return r && c ? `${r[1]},${c[1]}` : undefined;
}

/**
 * Set (text) or remove (null) the notes of a sheet. `sheetXml` is its part's text; returned with
 * its legacyDrawing reference added or removed as the notes need. `block`: the sheet's own range
 * of shape ids when a drawing is made new.
 */
export async function setNotes(pkg: Package, sheetPart: string, sheetXml: string, notes: Map<string, string | null>, block: number): Promise<string> {
  if (notes.size === 0) return sheetXml;
  const rels = await pkg.relationships(sheetPart);
  const commentsRel = rels.find((r) => r.type === "comments" && !r.external);
  const legacy = /<(?:[\w.-]+:)?legacyDrawing\b[^>]*?\bid="([^"]*)"[^>]*\/>/.exec(sheetXml);
  const vmlRel = legacy ? rels.find((r) => r.id === legacy[1]) : undefined;

  const doc: XmlDocument = parseXml(commentsRel && pkg.has(commentsRel.target) ? await pkg.text(commentsRel.target) : EMPTY_COMMENTS);
  const authors = child(doc.root, "authors") ?? element(doc.root, "authors");
  if (!doc.root.children.includes(authors)) doc.root.children.unshift(authors);
  let list = child(doc.root, "commentList");
  if (!list) {
    list = element(doc.root, "commentList");
    doc.root.children.push(list);
  }
  let author = children(authors, "author").findIndex((a) => textOf(a) === AUTHOR);
  if (author < 0) {
    authors.children.push(element(authors, "author", {}, [AUTHOR]));
    author = children(authors, "author").length - 1;
  }
  let vml = vmlRel && pkg.has(vmlRel.target) ? (await pkg.bytes(vmlRel.target)).toString("utf8") : vmlHead(block) + "</xml>";
  let nextId = Math.max(block * 1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;

  const places = new Map([...notes.keys()].map((a) => [a, parseCell(a)]));
  const at = new Set([...places.values()].map((p) => `${p.row},${p.col}`));
  const target = list;
  target.children = target.children.filter((c) => typeof c === "string" || !notes.has(attr(c, "ref") ?? ""));
  vml = vml.replace(SHAPE, (shape) => (at.has(shapeAt(shape) ?? "") ? "" : shape));
  const added: string[] = [];
  for (const [address, text] of notes) {
    if (text === null) continue;
    const p = places.get(address)!;
    // as Excel writes a note: one run in the note's usual 9-point type
    const props = element(target, "rPr", {}, [
      element(target, "sz", { val: "9" }),
      element(target, "color", { indexed: "81" }),
      element(target, "rFont", { val: "宋体" }),
    ]);
    const run = element(target, "r", {}, [props, element(target, "t", { "xml:space": "preserve" }, [text])]);
    const comment: XmlElement = element(target, "comment", { ref: address, authorId: String(author) }, [element(target, "text", {}, [run])]);
    target.children.push(comment);
    added.push(noteBox(p.row, p.col, text, nextId++));
  }
  vml = vml.replace(/<\/xml>\s*$/, `${added.join("")}</xml>`);

  const remaining = children(target, "comment").length;
  let xml = sheetXml;
  if (remaining === 0) {
    if (commentsRel) {
      pkg.remove(commentsRel.target);
      await setOverride(pkg, commentsRel.target, null);
      await removeRelationship(pkg, sheetPart, commentsRel.id);
    }
    if (vmlRel && !new RegExp(SHAPE.source).test(vml)) {
      pkg.remove(vmlRel.target);
      await removeRelationship(pkg, sheetPart, vmlRel.id);
      xml = xml.replace(legacy![0], "");
    } else if (vmlRel) pkg.set(vmlRel.target, vml);
    return xml;
  }
  const commentsPart = commentsRel?.target ?? freePart(pkg, "xl", "comments", "xml");
  pkg.set(commentsPart, documentXml(doc));
  if (!commentsRel) {
    await setOverride(pkg, commentsPart, TYPES.comments.content);
    await addRelationship(pkg, sheetPart, TYPES.comments.rel, commentsPart);
  }
  if (vmlRel) pkg.set(vmlRel.target, vml);
  else {
    const vmlPart = freePart(pkg, "xl/drawings", "vmlDrawing", "vml");
    pkg.set(vmlPart, vml);
    await ensureDefault(pkg, "vml", TYPES.vmlDrawing.content);
    const id = await addRelationship(pkg, sheetPart, TYPES.vmlDrawing.rel, vmlPart);
    xml = withLegacyDrawing(xml, id);
  }
  return xml;
}

/** CT_Worksheet's elements that come after legacyDrawing: it goes before the first of them. */
const AFTER_LEGACY = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function withLegacyDrawing(xml: string, id: string): string {
  const root = /<((?:[\w.-]+:)?)worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error("工作表部件没有 worksheet 根元素");
  const prefix = root[1];
  let out = xml;
  let rPrefix = /\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(root[0])?.[1];
  if (!rPrefix) {
    rPrefix = "r";
    let n = 0;
    while (new RegExp(`\\sxmlns:${rPrefix}=`).test(root[0])) rPrefix = `r${++n}`;
    out = out.replace(root[0], root[0].replace(/>$/, ` xmlns:${rPrefix}="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`));
  }
  const tag = `<${prefix}legacyDrawing ${rPrefix}:id="${escapeXml(id)}"/>`;
  for (const name of AFTER_LEGACY) {
    const m = new RegExp(`<${prefix}${name}\\b`).exec(out);
    if (m) return out.slice(0, m.index) + tag + out.slice(m.index);
  }
  const end = out.lastIndexOf(`</${prefix}worksheet>`);
  return out.slice(0, end) + tag + out.slice(end);
}
