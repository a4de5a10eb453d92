/** Relationships and content types edited entry by entry, so a part we add or drop leaves the others' entries as they were. */
import * as posix from "path/posix";
import { Package, relsPath } from "./zip";
import { escapeAttr } from "../../documents/xml";

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const TYPES = {
  worksheet: { rel: `${REL}/worksheet`, content: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" },
  comments: { rel: `${REL}/comments`, content: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml" },
  vmlDrawing: { rel: `${REL}/vmlDrawing`, content: "application/vnd.openxmlformats-officedocument.vmlDrawing" },
  styles: { rel: `${REL}/styles`, content: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" },
};

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/*
 * Entries are added and removed as text: the rest of the part keeps its bytes, so a part that
 * gets back exactly what it had (marks added, then cleared) is the part it was.
 */

/** `entry` inserted before the root's end tag (a self-closing root is opened). */
function appendEntry(xml: string, root: string, entry: string): string {
  const selfClosing = new RegExp(`<((?:[\\w.-]+:)?${root})\\b([^>]*?)\\s*/>`).exec(xml);
  if (selfClosing) return xml.replace(selfClosing[0], `<${selfClosing[1]}${selfClosing[2]}>${entry}</${selfClosing[1]}>`);
  const end = xml.search(new RegExp(`</(?:[\\w.-]+:)?${root}>\\s*$`));
  if (end < 0) throw new Error(`部件没有 ${root} 根元素`);
  return xml.slice(0, end) + entry + xml.slice(end);
}

/** Remove the empty elements named `name` whose `attribute` is `value`. */
function removeEntries(xml: string, name: string, attribute: string, value: string): string {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*?\\s${attribute}="([^"]*)"[^>]*?(?:/>|>\\s*</(?:[\\w.-]+:)?${name}>)`, "g");
  return xml.replace(re, (m, v: string) => (v === escapeAttr(value) ? "" : m));
}

/** A new relationship from `part` to `target` (a path in the zip); its id. */
export async function addRelationship(pkg: Package, part: string, type: string, target: string): Promise<string> {
  const p = relsPath(part);
  const xml = pkg.has(p) ? await pkg.text(p) : EMPTY_RELS;
  const ids = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const entry = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(posix.relative(posix.dirname(part), target))}"/>`;
  pkg.set(p, appendEntry(xml, "Relationships", entry));
  return id;
}

export async function removeRelationship(pkg: Package, part: string, id: string): Promise<void> {
  const p = relsPath(part);
  if (!pkg.has(p)) return;
  const xml = removeEntries(await pkg.text(p), "Relationship", "Id", id);
  if (!/<(?:[\w.-]+:)?Relationship\b/.test(xml)) pkg.remove(p);
  else pkg.set(p, xml);
}

const CONTENT_TYPES = "[Content_Types].xml";

export async function setOverride(pkg: Package, part: string, contentType: string | null): Promise<void> {
  let xml = removeEntries(await pkg.text(CONTENT_TYPES), "Override", "PartName", `/${part}`);
  if (contentType) xml = appendEntry(xml, "Types", `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`);
  pkg.set(CONTENT_TYPES, xml);
}

export async function ensureDefault(pkg: Package, extension: string, contentType: string): Promise<void> {
  const xml = await pkg.text(CONTENT_TYPES);
  if (new RegExp(`<(?:[\\w.-]+:)?Default\\b[^>]*\\sExtension="${extension}"`, "i").test(xml)) return;
  pkg.set(CONTENT_TYPES, appendEntry(xml, "Types", `<Default Extension="${extension}" ContentType="${escapeAttr(contentType)}"/>`));
}

/** A part name not taken yet: xl/comments3.xml after comments1 and comments2. */
export function freePart(pkg: Package, folder: string, stem: string, extension: string): string {
  const taken = new Set(pkg.parts.map((p) => p.toLowerCase()));
  let n = 1;
  while (taken.has(`${folder}/${stem}${n}.${extension}`.toLowerCase())) n++;
  return `${folder}/${stem}${n}.${extension}`;
}
