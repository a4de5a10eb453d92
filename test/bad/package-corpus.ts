/**
 * Workbooks as other programs and offices make them, built at the package level from the sample:
 * parts ExcelJS never wrote (charts, threaded comments, external links, custom properties,
 * macros, printer settings, parts of tomorrow's Excel), sheets with other part names, formulas
 * without results, broken packages. Generated in the tests, nothing committed.
 */
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";

export type ZipEdit = (zip: JSZip) => Promise<void> | void;

export async function variant(sample: Buffer, edit: ZipEdit): Promise<Buffer> {
  const zip = await JSZip.loadAsync(sample);
  await edit(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const text = async (zip: JSZip, part: string) => zip.file(part)!.async("string");
async function replace(zip: JSZip, part: string, from: string | RegExp, to: string): Promise<void> {
  const s = await text(zip, part);
  const out = s.replace(from, to);
  if (out === s) throw new Error(`${part}：没有找到 ${String(from)}`);
  zip.file(part, out);
}
const override = (part: string, type: string) => (zip: JSZip) =>
  replace(zip, "[Content_Types].xml", "</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
const rel =
  (relsPart: string, id: string, type: string, target: string, external = false) =>
  async (zip: JSZip) => {
    if (!zip.file(relsPart))
      zip.file(
        relsPart,
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
      );
    await replace(
      zip,
      relsPart,
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/></Relationships>`,
    );
  };
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Everything an office's workbook may carry that ExcelJS drops; 表5 (sheet5) is the sheet the sample's marks land on. */
export const FOREIGN_PARTS: ZipEdit = async (zip) => {
  // a chart on 表5, through its drawing
  zip.file(
    "xl/charts/chart1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>',
  );
  zip.file(
    "xl/drawings/drawing1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>',
  );
  await rel("xl/drawings/_rels/drawing1.xml.rels", "rId1", `${R}/chart`, "../charts/chart1.xml")(zip);
  await rel("xl/worksheets/_rels/sheet5.xml.rels", "rIdChart", `${R}/drawing`, "../drawings/drawing1.xml")(zip);
  await rel("xl/worksheets/_rels/sheet5.xml.rels", "rIdPrinter", `${R}/printerSettings`, "../printerSettings/printerSettings1.bin")(zip);
  zip.file("xl/printerSettings/printerSettings1.bin", Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
  await replace(zip, "xl/worksheets/sheet5.xml", /(<pageSetup[^>]*)\/>/, '$1 r:id="rIdPrinter"/><drawing r:id="rIdChart"/>');
  await override("xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")(zip);
  await override("xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml")(zip);
  await replace(
    zip,
    "[Content_Types].xml",
    "<Default ",
    '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default ',
  );
  // a threaded comment on 表3 and the persons it names
  zip.file(
    "xl/threadedComments/threadedComment1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B7" dT="2025-03-01T09:00:00.00" personId="{6F1E0C2A-0000-4000-8000-000000000001}" id="{6F1E0C2A-0000-4000-8000-000000000002}"><text>请核对这一行</text></threadedComment></ThreadedComments>',
  );
  zip.file(
    "xl/persons/person.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="王会计" id="{6F1E0C2A-0000-4000-8000-000000000001}" userId="wang" providerId="None"/></personList>',
  );
  await rel(
    "xl/worksheets/_rels/sheet3.xml.rels",
    "rIdThread",
    "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
    "../threadedComments/threadedComment1.xml",
  )(zip);
  await rel("xl/_rels/workbook.xml.rels", "rIdPersons", "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml")(zip);
  await override("xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml")(zip);
  await override("xl/persons/person.xml", "application/vnd.ms-excel.person+xml")(zip);
  // an external link, used by a formula of 表1
  zip.file(
    "xl/externalLinks/externalLink1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>',
  );
  await rel("xl/externalLinks/_rels/externalLink1.xml.rels", "rId1", `${R}/externalLinkPath`, "file:///D:/决算/上年决算.xlsx", true)(zip);
  await rel("xl/_rels/workbook.xml.rels", "rIdExt", `${R}/externalLink`, "externalLinks/externalLink1.xml")(zip);
  await replace(zip, "xl/workbook.xml", "</sheets>", '</sheets><externalReferences><externalReference r:id="rIdExt"/></externalReferences>');
  await override("xl/externalLinks/externalLink1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml")(zip);
  await replace(zip, "xl/worksheets/sheet1.xml", "</sheetData>", '<row r="40"><c r="H40"><f>[1]Sheet1!$A$1</f><v>12</v></c></row></sheetData>');
  // a custom document property, as a 密级 is kept
  zip.file(
    "docProps/custom.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property></Properties>',
  );
  await rel("_rels/.rels", "rIdCustom", `${R}/custom-properties`, "docProps/custom.xml")(zip);
  await override("docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml")(zip);
  // a part of a future Excel nobody here knows
  zip.file("xl/future/thing.xml", '<?xml version="1.0"?>\n<thing xmlns="urn:future">不认识也要原样保留</thing>');
  await rel("xl/_rels/workbook.xml.rels", "rIdFuture", "urn:future/relationships/thing", "future/thing.xml")(zip);
};

/** An .xlsm: the workbook's content type says macros, and the VBA project rides along. */
export const MACROS: ZipEdit = async (zip) => {
  zip.file("xl/vbaProject.bin", Buffer.from("VBA project bytes: Sub 汇总() End Sub".repeat(20)));
  await rel("xl/_rels/workbook.xml.rels", "rIdVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin")(zip);
  await replace(
    zip,
    "[Content_Types].xml",
    /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/,
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  );
  await replace(zip, "[Content_Types].xml", "<Default ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ');
};

/** The office's default type is 宋体 12, not Calibri 11. */
export const SONGTI_DEFAULT: ZipEdit = (zip) =>
  replace(zip, "xl/styles.xml", /<font>[\s\S]*?<\/font>/, '<font><sz val="12"/><name val="宋体"/><family val="3"/><charset val="134"/></font>');

/** 表5!C10 written by a program that does not calculate: a formula, no cached value. */
export const UNCALCULATED: ZipEdit = (zip) =>
  replace(zip, "xl/worksheets/sheet5.xml", /<c r="C10"([^>]*)><v>[^<]*<\/v><\/c>/, '<c r="C10"$1><f>D10+E10</f></c>');

/** 表5's part named as some programs name it (valid: only the relationship counts). */
export const SHEET_PART_RENAMED: ZipEdit = async (zip) => {
  zip.file("xl/worksheets/公开05.xml", await text(zip, "xl/worksheets/sheet5.xml"));
  zip.remove("xl/worksheets/sheet5.xml");
  await replace(zip, "xl/_rels/workbook.xml.rels", 'Target="worksheets/sheet5.xml"', 'Target="/xl/worksheets/公开05.xml"');
  await replace(zip, "[Content_Types].xml", 'PartName="/xl/worksheets/sheet5.xml"', 'PartName="/xl/worksheets/公开05.xml"');
};

export const VERY_HIDDEN_T9: ZipEdit = (zip) => replace(zip, "xl/workbook.xml", 'name="表9" state="visible"', 'name="表9" state="veryHidden"');

/** One validation over whole columns A:Z on 表2: ExcelJS expanded it cell by cell and never finished. */
export const WHOLE_COLUMN_VALIDATION: ZipEdit = (zip) =>
  replace(
    zip,
    "xl/worksheets/sheet2.xml",
    "<pageMargins",
    '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="A:Z"><formula1>-1E+15</formula1><formula2>1E+15</formula2></dataValidation></dataValidations><pageMargins',
  );

export const NO_SHARED_STRINGS: ZipEdit = (zip) => void zip.remove("xl/sharedStrings.xml");
export const NO_WORKBOOK_PART: ZipEdit = (zip) => void zip.remove("xl/workbook.xml");

export function writeFile(dir: string, name: string, data: Buffer): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** A zip that is no workbook, and an OpenDocument spreadsheet under an .xlsx name. */
export async function notWorkbooks(): Promise<{ plainZip: Buffer; ods: Buffer; docxBomb: Buffer }> {
  const plain = new JSZip();
  plain.file("readme.txt", "不是工作簿");
  const ods = new JSZip();
  ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  ods.file("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
  const bomb = new JSZip();
  // about 90 MB of one repeated paragraph, well past the 64 MB a 说明 may have: a few hundred KB compressed
  const para = "<w:p><w:r><w:t>一般公共预算财政拨款支出决算为 1,131.80 万元。</w:t></w:r></w:p>".repeat(1000);
  const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para.repeat(1000)}</w:body></w:document>`;
  bomb.file("word/document.xml", body);
  return {
    plainZip: await plain.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
    ods: await ods.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
    docxBomb: await bomb.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } }),
  };
}

/** A sheet added to the package from its XML in chunks (a million rows are never one string: one Buffer). */
export async function addSheetPart(zip: JSZip, name: string, xml: Iterable<string>): Promise<void> {
  const workbook = await text(zip, "xl/workbook.xml");
  const n = (workbook.match(/<sheet /g) ?? []).length + 1;
  const part = `xl/worksheets/added${n}.xml`;
  zip.file(part, Buffer.concat([...xml].map((s) => Buffer.from(s))));
  await rel("xl/_rels/workbook.xml.rels", `rIdAdded${n}`, `${R}/worksheet`, `worksheets/added${n}.xml`)(zip);
  await override(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")(zip);
  await replace(zip, "xl/workbook.xml", "</sheets>", `<sheet name="${name}" sheetId="${100 + n}" r:id="rIdAdded${n}"/></sheets>`);
}

/** A 明细账 of `rows` rows × 4 columns, as the XML of a worksheet, in chunks. */
export function* ledgerRows(rows: number): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const chunk: string[] = [];
  for (let r = 1; r <= rows; r++) {
    chunk.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>凭证${r}</t></is></c><c r="C${r}"><v>${(r % 997) + 0.25}</v></c><c r="D${r}"><v>${r % 13}</v></c></row>`,
    );
    if (chunk.length === 10_000) yield chunk.splice(0).join("");
  }
  yield chunk.join("");
  yield "</sheetData></worksheet>";
}
