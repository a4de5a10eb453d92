/** Relationships and content types edited entry by entry, so a part we add or drop leaves the others' entries as they were. */
import * as posix from "path/posix";
import { Package, relsPath } from "./zip";
import { XmlDocument, attr, children, documentXml, element, parseXml } from "./xml";

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const TYPES = {
  worksheet: { rel: `${REL}/worksheet`, content: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" },
  comments: { rel: `${REL}/comments`, content: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml" },
  vmlDrawing: { rel: `${REL}/vmlDrawing`, content: "application/vnd.openxmlformats-officedocument.vmlDrawing" },
  styles: { rel: `${REL}/styles`, content: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" },
};

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

async function relsDoc(pkg: Package, part: string): Promise<XmlDocument> {
  const p = relsPath(part);
  return parseXml(pkg.has(p) ? await pkg.text(p) : EMPTY_RELS);
}

/** A new relationship from `part` to `target` (a path in the zip); its id. */
export async function addRelationship(pkg: Package, part: string, type: string, target: string): Promise<string> {
  const doc = await relsDoc(pkg, part);
  const ids = new Set(children(doc.root).map((r) => attr(r, "Id")));
  let n = children(doc.root).length + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  doc.root.children.push(element(doc.root, "Relationship", { Id: id, Type: type, Target: posix.relative(posix.dirname(part), target) }));
  pkg.set(relsPath(part), documentXml(doc));
  return id;
}

export async function removeRelationship(pkg: Package, part: string, id: string): Promise<void> {
  const doc = await relsDoc(pkg, part);
  doc.root.children = doc.root.children.filter((c) => typeof c === "string" || attr(c, "Id") !== id);
  if (children(doc.root).length === 0) pkg.remove(relsPath(part));
  else pkg.set(relsPath(part), documentXml(doc));
}

const CONTENT_TYPES = "[Content_Types].xml";

async function typesDoc(pkg: Package): Promise<XmlDocument> {
  return parseXml(await pkg.text(CONTENT_TYPES));
}

export async function setOverride(pkg: Package, part: string, contentType: string | null): Promise<void> {
  const doc = await typesDoc(pkg);
  const name = `/${part}`;
  doc.root.children = doc.root.children.filter((c) => typeof c === "string" || attr(c, "PartName") !== name);
  if (contentType) doc.root.children.push(element(doc.root, "Override", { PartName: name, ContentType: contentType }));
  pkg.set(CONTENT_TYPES, documentXml(doc));
}

export async function ensureDefault(pkg: Package, extension: string, contentType: string): Promise<void> {
  const doc = await typesDoc(pkg);
  if (children(doc.root, "Default").some((d) => attr(d, "Extension")?.toLowerCase() === extension)) return;
  doc.root.children.unshift(element(doc.root, "Default", { Extension: extension, ContentType: contentType }));
  pkg.set(CONTENT_TYPES, documentXml(doc));
}

/** A part name not taken yet: xl/comments3.xml after comments1 and comments2. */
export function freePart(pkg: Package, folder: string, stem: string, extension: string): string {
  const taken = new Set(pkg.parts.map((p) => p.toLowerCase()));
  let n = 1;
  while (taken.has(`${folder}/${stem}${n}.${extension}`.toLowerCase())) n++;
  return `${folder}/${stem}${n}.${extension}`;
}
