/**
 * A PDF page as the layout reads it: its text runs and its ruling lines, in PDF points with the
 * origin at the page's bottom left (y grows upwards). Plain data: it crosses a worker boundary.
 */
export interface TextRun {
  text: string;
  /** left end of the baseline */
  x: number;
  y: number;
  width: number;
  /** font size: the run's height */
  size: number;
}

/** A horizontal or vertical line drawn on the page (a cell border), from (x1, y1) to (x2, y2), x1 ≤ x2 and y1 ≤ y2. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  /** 1-based */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
  /** images painted on the page: a page of images and no text is a scan */
  images: number;
}

/** Where something is printed: a page and a rectangle on it (PDF points, origin bottom left). */
export interface Box {
  page: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Why a document could not be read at all: the message is a reason the accountant can act on. */
export class UnreadableDocumentError extends Error {}
