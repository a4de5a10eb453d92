/**
 * The styles part, grown and never rewritten: a mark derives a new cell format from the one the
 * cell has (its font, borders, number format and alignment kept, only the fill changed), and the
 * same derivation is made once however many cells share it.
 */
import { Color, FontSpec, HorizontalAlignment, VerticalAlignment } from "../../core/plan";
import { builtInId } from "./formats";
import { XmlElement, XmlDocument, attr, child, children, element, elementXml, parseXml } from "../../documents/xml";

/** What an op changes in a cell's format; undefined fields are kept from the base format. */
export interface StylePatch {
  fill?: Color | null;
  font?: FontSpec;
  numberFormat?: string;
  border?: "thin" | "medium";
  alignment?: { horizontal?: HorizontalAlignment; vertical?: VerticalAlignment; wrapText?: boolean };
}

const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const clone = (el: XmlElement): XmlElement => JSON.parse(JSON.stringify(el)) as XmlElement;

export class StyleBook {
  private readonly doc: XmlDocument;
  private readonly derived = new Map<string, number>();
  private readonly added = new Map<string, number>();
  changed = false;

  constructor(xml: string) {
    this.doc = parseXml(xml);
  }

  /** The list element `name` (fonts, fills, …), created in its place when the part lacks it. */
  private list(name: string): XmlElement {
    const root = this.doc.root;
    let el = child(root, name);
    if (el) return el;
    el = element(root, name, { count: "0" });
    const at = root.children.findIndex((c) => typeof c !== "string" && ORDER.indexOf(c.name.replace(/^.*:/, "")) > ORDER.indexOf(name));
    if (at < 0) root.children.push(el);
    else root.children.splice(at, 0, el);
    return el;
  }

  private items(name: string): XmlElement[] {
    const l = child(this.doc.root, name);
    return l ? children(l) : [];
  }

  /** Add an item to a list unless an identical one was added before; its index. */
  private add(listName: string, item: XmlElement): number {
    const key = `${listName}:${elementXml(item)}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const l = this.list(listName);
    l.children.push(item);
    const n = children(l).length;
    l.attrs.count = String(n);
    this.added.set(key, n - 1);
    this.changed = true;
    return n - 1;
  }

  private numberFormatId(code: string): number {
    const builtIn = builtInId(code);
    if (builtIn !== undefined) return builtIn;
    const existing = this.items("numFmts").find((f) => attr(f, "formatCode") === code);
    if (existing) return Number(attr(existing, "numFmtId"));
    const next = Math.max(163, ...this.items("numFmts").map((f) => Number(attr(f, "numFmtId")))) + 1;
    const l = this.list("numFmts");
    this.add("numFmts", element(l, "numFmt", { numFmtId: String(next), formatCode: code }));
    return next;
  }

  private font(baseId: number, spec: FontSpec): number {
    const list = this.list("fonts");
    const base = this.items("fonts")[baseId];
    const f = base ? clone(base) : element(list, "font");
    const set = (name: string, attrs: Record<string, string> | null) => {
      f.children = f.children.filter((c) => typeof c === "string" || c.name.replace(/^.*:/, "") !== name);
      if (attrs) f.children.push(element(f, name, attrs));
    };
    if (spec.bold !== undefined) set("b", spec.bold ? {} : null);
    if (spec.italic !== undefined) set("i", spec.italic ? {} : null);
    if (spec.color !== undefined) set("color", { rgb: argb(spec.color) });
    if (spec.size !== undefined) set("sz", { val: String(spec.size) });
    if (spec.name !== undefined) {
      set("name", { val: spec.name });
      set("scheme", null);
    }
    // CT_Font's children come in schema order
    const order = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];
    const rank = (c: XmlElement | string) => (typeof c === "string" ? 99 : order.indexOf(c.name.replace(/^.*:/, "")));
    f.children.sort((a, b) => rank(a) - rank(b));
    return this.add("fonts", f);
  }

  private fill(color: Color): number {
    const l = this.list("fills");
    const pattern = element(l, "patternFill", { patternType: "solid" });
    pattern.children = [element(pattern, "fgColor", { rgb: argb(color) }), element(pattern, "bgColor", { indexed: "64" })];
    return this.add("fills", element(l, "fill", {}, [pattern]));
  }

  private border(style: "thin" | "medium"): number {
    const l = this.list("borders");
    const side = (n: string) => element(l, n, { style }, [element(l, "color", { indexed: "64" })]);
    return this.add("borders", element(l, "border", {}, [side("left"), side("right"), side("top"), side("bottom"), element(l, "diagonal")]));
  }

  /** The cell format `base` with `patch` applied: an existing derivation, or a new one. */
  derive(base: number, patch: StylePatch): number {
    const key = `${base}|${JSON.stringify(patch)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const xfs = this.items("cellXfs");
    const xf = clone(xfs[base] ?? xfs[0] ?? element(this.list("cellXfs"), "xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" }));
    if (patch.fill !== undefined) {
      xf.attrs.fillId = String(patch.fill === null ? 0 : this.fill(patch.fill));
      xf.attrs.applyFill = "1";
    }
    if (patch.font) {
      xf.attrs.fontId = String(this.font(Number(xf.attrs.fontId ?? 0), patch.font));
      xf.attrs.applyFont = "1";
    }
    if (patch.numberFormat !== undefined) {
      xf.attrs.numFmtId = String(this.numberFormatId(patch.numberFormat));
      xf.attrs.applyNumberFormat = "1";
    }
    if (patch.border) {
      xf.attrs.borderId = String(this.border(patch.border));
      xf.attrs.applyBorder = "1";
    }
    if (patch.alignment) {
      let al = child(xf, "alignment");
      if (!al) {
        al = element(xf, "alignment");
        xf.children.unshift(al);
      }
      const a = patch.alignment;
      if (a.horizontal) al.attrs.horizontal = a.horizontal;
      if (a.vertical) al.attrs.vertical = a.vertical === "middle" ? "center" : a.vertical;
      if (a.wrapText !== undefined) al.attrs.wrapText = a.wrapText ? "1" : "0";
      xf.attrs.applyAlignment = "1";
    }
    const index = this.add("cellXfs", xf);
    this.derived.set(key, index);
    return index;
  }

  get count(): number {
    return this.items("cellXfs").length;
  }

  xml(): string {
    return `${this.doc.declaration}\r\n${elementXml(this.doc.root)}`;
  }
}
