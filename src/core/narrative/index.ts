/**
 * 决算说明: every number of its sentences, read by a few sentence shapes and checked — the
 * arithmetic (year-on-year changes, shares of a named or opening total, 执行率 and 完成年初预算的,
 * 预决算差异率), amounts named by the tables' words or by a 科目编码 against the tables, and the
 * project sentences against the 项目支出绩效自评表. Everything is recomputed in decimals. A
 * percentage that rounded inputs can reach is a tail, one they cannot an error; a referent that
 * cannot be found is an info, never a guess; numbers no shape reads are listed as not checked.
 */
export * from "./numbers";
export * from "./amounts";
export * from "./arithmetic";
export * from "./projects";
