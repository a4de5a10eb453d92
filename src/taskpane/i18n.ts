/** Every UI string, zh-CN first, en-US beside it. Tests check both dictionaries have the same keys. */
export const MESSAGES = {
  "zh-CN": {
    appTitle: "决算助手",
    tabTemplates: "生成模板",
    tabCheck: "一键校验",
    tabScore: "绩效评分",
    dept: "部门",
    deptPlaceholder: "如：某某街道办事处",
    year: "年度",
    tables: "选择表格",
    selectAll: "全选",
    generate: "生成模板",
    generating: "正在生成…",
    generated: "已生成 {n} 张表：{sheets}",
    runCheck: "一键校验",
    checking: "正在校验…",
    clearMarks: "清除标记",
    cleared: "已清除标记，单元格格式已恢复",
    summary: "错误 {errors} · 尾差 {tails} · 警告 {warnings}",
    tablesFound: "找到 {n} 张表",
    noFindings: "未发现问题",
    filterAll: "全部",
    filterError: "错误",
    filterTail: "尾差",
    filterWarning: "警告",
    filterInfo: "提示",
    severity_error: "错误",
    severity_tail: "尾差",
    severity_warning: "警告",
    severity_info: "提示",
    goToCell: "定位到 {cell}",
    runScore: "绩效评分",
    scoring: "正在评分…",
    noPerfTables: "未找到绩效自评表",
    failed: "操作失败：{message}",
    language: "English",
  },
  "en-US": {
    appTitle: "Juesuan",
    tabTemplates: "Templates",
    tabCheck: "Cross-check",
    tabScore: "Scoring",
    dept: "Department",
    deptPlaceholder: "e.g. a sub-district office",
    year: "Year",
    tables: "Tables",
    selectAll: "Select all",
    generate: "Create templates",
    generating: "Creating…",
    generated: "Created {n} tables: {sheets}",
    runCheck: "Check workbook",
    checking: "Checking…",
    clearMarks: "Clear marks",
    cleared: "Marks cleared, cell formats restored",
    summary: "Errors {errors} · Tails {tails} · Warnings {warnings}",
    tablesFound: "{n} tables found",
    noFindings: "No problems found",
    filterAll: "All",
    filterError: "Errors",
    filterTail: "Tails",
    filterWarning: "Warnings",
    filterInfo: "Info",
    severity_error: "Error",
    severity_tail: "Tail",
    severity_warning: "Warning",
    severity_info: "Info",
    goToCell: "Go to {cell}",
    runScore: "Score",
    scoring: "Scoring…",
    noPerfTables: "No self-evaluation tables found",
    failed: "Failed: {message}",
    language: "中文",
  },
} as const;

export type Locale = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)["zh-CN"];

export function pickLocale(displayLanguage: string | undefined): Locale {
  return displayLanguage && /^en/i.test(displayLanguage) ? "en-US" : "zh-CN";
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[locale][key];
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
