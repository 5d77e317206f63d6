// Every number that bounds text recognition, in one place.

export const OCR_LIMITS = {
  /** One page (decode, orientation, recognition) must finish within this, or it is skipped. */
  pageDeadlineMs: 60_000,
  /** After this many pages of one file overran the deadline, the rest of the file is skipped. */
  maxOverrunsPerFile: 2,
  /** Images above this many pixels (from the header, before decoding) are not read: 64 MP covers
   *  a 48 MP phone photo and an A4 page scanned at 600 dpi (35 MP). */
  maxPixels: 64_000_000,
  /** Pages are scaled down to this long side before reading (an A4 page at 300 dpi is 3508). */
  readLongSide: 3508,
  /** The small copy on which the direction of the text lines is measured. */
  orientationLongSide: 800,
  /** A page read upright with at least this confidence is not tried in other orientations; a
   *  turned reading this confident ends the search. */
  uprightConfidence: 60,
  /** A turned reading must beat the upright one by this many points to be used. */
  orientationMargin: 15,
  /** Pages read below this confidence are listed as low-confidence (their text may be wrong). */
  lowConfidence: 60,
  /** Images smaller than this on both sides cannot hold a page of text (logos, bullets). */
  minPageImageSide: 200,
  /** Scanned pages read per file; the rest are listed as skipped. */
  maxPagesPerFile: 300,
  /** Files waiting for a reader beyond the one being read; more are not read. */
  maxQueuedFiles: 8,
  /** An idle reader thread is stopped after this long, giving its memory back. */
  idleMs: 30_000,
} as const;

export const OCR_LANGUAGE = 'eng';
