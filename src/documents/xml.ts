/**
 * XML parts (a workbook's lists, styles and notes; a Word body) as a light element tree, and back.
 * Names are kept as written (prefix included); `local` compares without the prefix, since
 * producers differ in the prefixes they choose. Sheets, which can be huge, are never built as trees.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const local = (name: string): string => name.slice(name.indexOf(":") + 1);

/** The document's declaration and root element; the declaration is written back as it was. */
export interface XmlDocument {
  declaration: string;
  root: XmlElement;
}

export function parseXml(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on("opentag", (tag) => {
    const el: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  const addText = (t: string) => stack.length && stack[stack.length - 1].children.push(t);
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.write(text).close();
  if (!root) throw new Error("XML 部件为空");
  const decl = /^\uFEFF?\s*(<\?xml[^?]*\?>)/.exec(text);
  return { declaration: decl ? decl[1] : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', root };
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;")).replace(/\r/g, "&#13;");
}

export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

export function elementXml(el: XmlElement): string {
  const attrs = Object.entries(el.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join("");
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  const inner = el.children.map((c) => (typeof c === "string" ? escapeXml(c) : elementXml(c))).join("");
  return `<${el.name}${attrs}>${inner}</${el.name}>`;
}

export function documentXml(doc: XmlDocument): string {
  return `${doc.declaration}\r\n${elementXml(doc.root)}`;
}

export function children(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || local(c.name) === name));
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return children(el, name)[0];
}

/** The text inside an element and its descendants. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

/** An attribute by its local name (r:id, x:id and id alike when `anyPrefix`). */
export function attr(el: XmlElement, name: string, anyPrefix = false): string | undefined {
  if (el.attrs[name] !== undefined) return el.attrs[name];
  if (!anyPrefix) return undefined;
  const k = Object.keys(el.attrs).find((a) => local(a) === name);
  return k === undefined ? undefined : el.attrs[k];
}

/** A new element named with the prefix its parent's children use (so x:row under x:sheetData). */
export function element(parent: XmlElement, localName: string, attrs: Record<string, string> = {}, kids: XmlNode[] = []): XmlElement {
  const i = parent.name.indexOf(":");
  return { name: i < 0 ? localName : `${parent.name.slice(0, i)}:${localName}`, attrs, children: kids };
}
