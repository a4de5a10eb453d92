/**
 * What a careful reader of a whole 决算公开 document checks besides the tables: its 目录, the
 * department and the year it names, the words that compare figures, a total and its 其中 parts,
 * a reason after a change, and slips of typing. Words and patterns only: core/narrative/document.ts
 * evaluates them.
 */

/** A department not yet named: "XX局", "×××单位", "某某部门". */
export const PLACEHOLDER = /(?:[XxＸｘ×＊*]{2,}|某某)(?:省|市|县|区|局|厅|委|办|中心|单位|部门|学校|医院|公司)/;

/** The line that opens a document's 目录. */
export const CONTENTS_HEADING = /^目\s*录$/;

/** "共九张表", "9张公开表": how many tables the document says it publishes. */
export const TABLE_COUNT = /共\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*张(?:公开)?(?:报)?表/;

/** Words by which a year other than the document's is the year compared with, not a slip. */
export const COMPARISON_CONTEXT = /相比|比较|较|对比|同比|上年|上一年|同期|增加|减少|增长|下降|持平|变动/;
/** Words by which a later year is a plan. */
export const PLAN_CONTEXT = /计划|将|预计|拟|下一步|下年|今后|预算安排|年初预算/;

/** 决算 against 预算 in words: "决算数大于预算数", "支出决算小于年初预算". */
export const BUDGET_COMPARISONS: { words: string[]; relation: "gt" | "lt" | "eq" }[] = [
  { words: ["大于", "高于", "超过", "多于", "超出"], relation: "gt" },
  { words: ["小于", "低于", "少于"], relation: "lt" },
  { words: ["等于", "持平", "一致", "相等", "相同"], relation: "eq" },
];
export const RELATION_WORDS: Record<"gt" | "lt" | "eq", string> = { gt: "大于", lt: "小于", eq: "等于" };

/** A change in words that says there was none, and the words of a change. */
export const NO_CHANGE = /持平|没有变化|无变化|未发生变化/;
export const CHANGE = /(增加|减少|增长|下降|上升|降低)\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|%)/;

/**
 * Totals the 说明 splits with "其中" into parts that leave nothing out: the parts must sum to the
 * total. A split not listed here is only checked for parts that exceed their total.
 */
export const COMPLETE_SPLITS: { whole: string[]; parts: string[] }[] = [
  { whole: ["基本支出"], parts: ["人员经费", "公用经费"] },
  {
    whole: ["本年支出合计", "支出合计", "本年支出"],
    parts: ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
  },
  {
    whole: ["本年收入合计", "收入合计", "本年收入"],
    parts: [
      "财政拨款收入",
      "一般公共预算财政拨款收入",
      "政府性基金预算财政拨款收入",
      "国有资本经营预算财政拨款收入",
      "上级补助收入",
      "事业收入",
      "经营收入",
      "附属单位上缴收入",
      "其他收入",
    ],
  },
  { whole: ["“三公”经费", "三公经费"], parts: ["因公出国（境）费", "因公出国(境)费", "公务用车购置及运行维护费", "公务接待费"] },
  { whole: ["公务用车购置及运行维护费"], parts: ["公务用车购置费", "公务用车运行维护费"] },
];

/** After a stated change, words that give its reason. */
export const REASON = /原因|主要是|主要系|主要用于|由于|因为|用于|系/;
/** A stated change of a year's figure: it wants a reason. */
export const STATED_CHANGE =
  /(?:(?:较|比)(?:上年|上一年|\d{4}\s*年度?)|与(?:上年|上一年|\d{4}\s*年度?)(?:决算数?)?相比)[^。；]{0,30}?(增加|减少|增长|下降)\s*\d/;

/** Slips of typing a reader trips on: a word typed twice, punctuation doubled or mixed, an ASCII comma in Chinese text. */
export const TYPING_SLIPS: { pattern: RegExp; what: string }[] = [
  { pattern: /([\u4e00-\u9fff]{2,4})\1/, what: "词语重复" },
  { pattern: /([。，；：、！？])\1/, what: "标点重复" },
  { pattern: /([。，；：、])(?!\1)[。，；：、]/, what: "标点连用" },
  { pattern: /[\u4e00-\u9fff],\s*\d/, what: "中文里用了英文逗号" },
];
/** Doubles that are words: "常常", "一一" are single characters doubled; these are two-character words said twice on purpose. */
export const DOUBLED_WORDS_ALLOWED = new Set(["研究研究", "看看"]);
