/** Every sync of the adapter: under a watchdog, within the web's payload limit, with what the pane remembers of a workbook. */

/** Excel on the web refuses requests and responses over 5 MB; stay well under it. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** bytes a cell costs in a read of values, formulas and number formats (CJK text is 3 bytes a character) */
export const BYTES_PER_CELL = 120;

/** Options of readWorkbook and applyPlan. */
export interface AdapterOptions {
  payloadBudget?: number;
  /** How long one sync may take before the read or write gives up (SYNC_TIMEOUT_MS). */
  syncTimeoutMs?: number;
  /** What the caller (the pane's host) keeps of this workbook from one read or write to the next. */
  memory?: WorkbookMemory;
}

/** What keeps later reads of a workbook at one sync; readWorkbook and applyPlan keep it up to date. */
export interface WorkbookMemory {
  /**
   * The cells (sheet-qualified) that held notes at the last read or write: a read asks them for
   * their notes in its one batch, and needs no second sync when that accounts for every note.
   */
  notePlaces: Set<string>;
  /** The host refused calls on the null object past the last sheet: list the sheets first. */
  walkRefused: boolean;
  /** Excel would not list this workbook's merged areas (more than 512): read without them. */
  mergesRefused: boolean;
}

export function workbookMemory(): WorkbookMemory {
  return { notePlaces: new Set(), walkRefused: false, mergesRefused: false };
}

/**
 * Excel on the web can leave a sync unanswered for good (no timeout, no error), e.g. while it is
 * busy with a large workbook's first calculation: past this, the step fails with a message.
 */
export const SYNC_TIMEOUT_MS = 120_000;

/** A sync that Excel did not answer in time; the step may be tried again once Excel is idle. */
export class ExcelNotResponding extends Error {
  constructor(readonly seconds: number) {
    super(`Excel did not answer within ${seconds} s`);
    this.name = "ExcelNotResponding";
  }
}

/** context.sync() with the watchdog. */
export async function sync(context: Excel.RequestContext, options: AdapterOptions): Promise<void> {
  const ms = options.syncTimeoutMs ?? SYNC_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExcelNotResponding(Math.round(ms / 1000))), ms);
  });
  try {
    await Promise.race([context.sync(), watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? "";
  return /PayloadSizeLimitExceeded/.test(code) || /PayloadSizeLimitExceeded/.test(String((e as Error).message));
}
