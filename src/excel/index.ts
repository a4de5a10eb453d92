/**
 * The Office.js adapter: translates between a live workbook and the core's plain data.
 * readWorkbook: one sync (the sheets walked in tab order, every used range at once);
 * applyPlan: the whole plan in one sync (more only when the 5 MB request limit forces chunks).
 */
export { detectCapabilities, officeCapabilities } from "./capabilities";
export type { Capabilities } from "./capabilities";
export * from "./sync";
export * from "./read";
export * from "./write";
