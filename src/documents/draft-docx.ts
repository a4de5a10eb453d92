/**
 * The drafted 决算说明 as a Word document an office can finish and publish, in 公文 form: A4 with
 * the 公文 margins, 28-point lines, 仿宋_GB2312 三号 body indented two characters, 黑体 for the
 * first-level headings and 楷体_GB2312 for the second, the title in 方正小标宋简体 二号, page
 * numbers "— 1 —" at the foot. The parts an office publishes are all there: 部门概况 and 名词解释 as
 * headed blanks, the tables' place, the 说明 drafted from the tables. What the accountant must do is
 * said in Word comments, never in the text to publish. Written with the docx library.
 */
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from "docx";
import type { DraftSection } from "../core/workflows";

const FONTS = { body: "仿宋_GB2312", heading: "黑体", subheading: "楷体_GB2312", title: "方正小标宋简体", latin: "Times New Roman" };
/** half-points: 三号 16 pt, 二号 22 pt, 四号 14 pt */
const SIZE = { body: 32, title: 44, footer: 28 };
const MM = 56.7;
const LINE = 560;

interface Noted {
  text: string;
  /** what the accountant is to do here, as a Word comment */
  note?: string;
}

export async function draftWordDocument(input: { dept: string; year: number; sections: DraftSection[]; at: Date }): Promise<Buffer> {
  const comments: { id: number; author: string; initials: string; date: Date; children: Paragraph[] }[] = [];
  const run = (text: string, font: string, size = SIZE.body) => new TextRun({ text, font: { eastAsia: font, ascii: FONTS.latin, hAnsi: FONTS.latin }, size });
  const paragraph = (content: Noted, font: string, options: { indent?: boolean; center?: boolean; size?: number } = {}) => {
    const children: (TextRun | CommentRangeStart | CommentRangeEnd)[] = [run(content.text, font, options.size)];
    if (content.note) {
      const id = comments.length;
      comments.push({ id, author: "决算助手", initials: "决", date: input.at, children: [new Paragraph({ children: [new TextRun(content.note)] })] });
      children.unshift(new CommentRangeStart(id));
      children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    }
    return new Paragraph({
      children,
      alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: options.indent ? { firstLine: 640 } : undefined,
      spacing: { line: LINE, lineRule: "exact" },
    });
  };
  const heading = (text: string, note?: string) => paragraph({ text, note }, FONTS.heading, { indent: true });
  const subheading = (text: string) => paragraph({ text }, FONTS.subheading, { indent: true });
  const body = (text: string) => {
    const blanks = text.match(/_{2,}/g)?.length ?? 0;
    const reason = /原因是：_{2,}/.test(text);
    const note = blanks ? `本段有 ${blanks} 处“____”待填写${reason ? "：写明增减变动的主要原因" : ""}，填好后删去下划线。` : undefined;
    return paragraph({ text, note }, FONTS.body, { indent: true });
  };
  const part = (text: string) => paragraph({ text }, FONTS.heading, { center: true });

  const y = `${input.year}年度`;
  const children: Paragraph[] = [
    paragraph(
      { text: `${input.dept}${y}部门决算`, note: "本稿由决算助手按决算表起草：数字、占比、增减均按表计算；“____”处和部门概况、名词解释请补齐后再公开。" },
      FONTS.title,
      { center: true, size: SIZE.title },
    ),
    part("第一部分　部门概况"),
    heading("一、主要职能"),
    paragraph({ text: "____", note: "按部门“三定”方案填写主要职能。" }, FONTS.body, { indent: true }),
    heading("二、部门决算单位构成"),
    paragraph({ text: "____", note: "列出纳入本部门决算编制范围的单位（本级及所属单位）。" }, FONTS.body, { indent: true }),
    part(`第二部分\u3000${input.dept}${y}部门决算表`),
    paragraph({ text: "（见附表）", note: "公开01–09表（或本地区规定的各表）附在此处。" }, FONTS.body, { indent: true }),
    part(`第三部分\u3000${input.dept}${y}部门决算情况说明`),
    ...input.sections.flatMap((s) => [
      heading(s.heading),
      ...s.paragraphs.map((p) => (/^（[一二三四五六七八九十]+）[^。]{0,30}$/.test(p) ? subheading(p) : body(p))),
    ]),
    part("第四部分　名词解释"),
    paragraph(
      { text: "____", note: "按本地区公开模板列出名词解释：财政拨款收入、事业收入、年初结转和结余、基本支出、项目支出、“三公”经费、机关运行经费等。" },
      FONTS.body,
      {
        indent: true,
      },
    ),
  ];
  const doc = new Document({
    creator: "决算助手",
    title: `${input.dept}${y}部门决算`,
    comments: { children: comments },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["— ", PageNumber.CURRENT, " —"],
                    font: { eastAsia: "宋体", ascii: FONTS.latin, hAnsi: FONTS.latin },
                    size: SIZE.footer,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
