/**
 * The WPS 表格 adapter: translates between the workbook WPS has open and the core's plain data,
 * through the ET object model (synchronous, VBA-shaped). readWorkbook: one Value2 and one Formula
 * array a used range; applyPlan: the plan with cells grouped into multi-area ranges.
 */
export * from "./et";
export { readWorkbook } from "./read";
export { applyPlan, bgr } from "./write";
