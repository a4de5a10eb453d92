/**
 * What the running Excel can do, feature-detected once. The manifest asks only for ExcelApi 1.7
 * (Office 2019); richer calls are used when present and degrade when not.
 */
export interface Capabilities {
  /** Worksheet.getRanges / RangeAreas formats, Range.copyFrom, pageLayout (1.9) */
  rangeAreas: boolean;
  copyFormats: boolean;
  pageLayout: boolean;
  /** Range.dataValidation (1.8) */
  dataValidation: boolean;
  /** threaded comments (1.10) */
  comments: boolean;
  /** Range.getMergedAreasOrNullObject (1.13) */
  mergedAreas: boolean;
  /** legacy notes (1.18) */
  notes: boolean;
  /** Application.suspendScreenUpdatingUntilNextSync (1.9) */
  suspendScreen: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const has = (v: string) => isSetSupported("ExcelApi", v);
  return {
    rangeAreas: has("1.9"),
    copyFormats: has("1.9"),
    pageLayout: has("1.9"),
    dataValidation: has("1.8"),
    comments: has("1.10"),
    mergedAreas: has("1.13"),
    notes: has("1.18"),
    suspendScreen: has("1.9"),
  };
}

/** In the task pane: ask Office. */
export function officeCapabilities(): Capabilities {
  return detectCapabilities((n, v) => Office.context.requirements.isSetSupported(n, v));
}
