/**
 * The .xlsx as what it is: a zip of parts tied by relationships. Parts are found by following
 * the relationships (never by their names), read as text or streamed, and replaced one by one;
 * a part nobody replaced is written back exactly as it came.
 */
import JSZip from "jszip";
import * as posix from "path/posix";
import { Readable } from "stream";
import { XmlElement, attr, children, parseXml } from "../../documents/xml";

export class UnusableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableWorkbookError";
  }
}

export interface Relationship {
  id: string;
  /** the type's last segment: "worksheet", "comments", "sharedStrings", … */
  type: string;
  /** the target part's path inside the zip ("xl/worksheets/sheet1.xml"), or the URL of an external target */
  target: string;
  external: boolean;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** a part we read whole bigger than this is not a workbook's (a zip bomb) */
const MAX_PART_BYTES = 512 * 1024 * 1024;

/** The relationships part of `part`: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPath(part: string): string {
  return posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

export class Package {
  private constructor(
    private readonly zip: JSZip,
    readonly name: string,
  ) {}

  static async open(data: Buffer | ArrayBuffer, name = "工作簿"): Promise<Package> {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
    if (bytes.length === 0) throw new UnusableWorkbookError(`${name}：文件为空（0 字节）`);
    if (bytes.subarray(0, 8).equals(OLE))
      throw new UnusableWorkbookError(`${name}：文件已加密（设置了打开密码）或为旧版 .xls 格式，请在 Excel 中另存为未加密的 .xlsx`);
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnusableWorkbookError(`${name}：不是 .xlsx 文件（不是 zip 格式）`);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (e) {
      throw new UnusableWorkbookError(`${name}：无法读取 .xlsx（文件损坏或不完整：${(e as Error).message}）`);
    }
    return new Package(zip, name);
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  get parts(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir);
  }

  private entry(part: string) {
    const f = this.zip.file(part);
    if (!f) throw new UnusableWorkbookError(`${this.name}：缺少部件 ${part}（文件损坏或不完整）`);
    const size = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (size !== undefined && size > MAX_PART_BYTES)
      throw new UnusableWorkbookError(`${this.name}：部件 ${part} 解压后过大（${Math.round(size / 2 ** 20)} MB），不像工作簿`);
    return f;
  }

  async text(part: string): Promise<string> {
    try {
      return await this.entry(part).async("string");
    } catch (e) {
      if (e instanceof UnusableWorkbookError) throw e;
      throw new UnusableWorkbookError(`${this.name}：部件 ${part} 无法解压（${(e as Error).message}）`);
    }
  }

  async bytes(part: string): Promise<Buffer> {
    return this.entry(part).async("nodebuffer");
  }

  /** The part as a stream of byte chunks: a sheet is never held whole. */
  stream(part: string): Readable {
    return this.entry(part).nodeStream("nodebuffer") as Readable;
  }

  async xml(part: string): Promise<XmlElement> {
    const text = await this.text(part);
    try {
      return parseXml(text).root;
    } catch (e) {
      throw new UnusableWorkbookError(`${this.name}：部件 ${part} 不是有效的 XML（${(e as Error).message.split("\n")[0]}）`);
    }
  }

  async relationships(part: string): Promise<Relationship[]> {
    const rels = relsPath(part);
    if (!this.has(rels)) return [];
    const base = posix.dirname(part);
    return children(await this.xml(rels), "Relationship").map((r) => {
      const target = attr(r, "Target") ?? "";
      const external = attr(r, "TargetMode") === "External";
      const type = (attr(r, "Type") ?? "").split("/").pop() ?? "";
      const resolved = external ? target : target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(base, target));
      return { id: attr(r, "Id") ?? "", type, target: resolved, external };
    });
  }

  set(part: string, content: string | Buffer): void {
    this.zip.file(part, content, { createFolders: false });
  }

  remove(part: string): void {
    this.zip.remove(part);
  }

  /** The package back as bytes; parts not set or removed come out as they came in. */
  async save(): Promise<Buffer> {
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}
