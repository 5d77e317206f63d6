// Messages between the OCR client and the thread that reads pages. Pages are reported one by one
// ("page-start" then "page" or "page-skipped"), so the client can time each page on its own.
import type { PageReading } from './orientation.js';

export type OcrRequest =
  | { id: number; kind: 'image'; bytes: Uint8Array }
  | { id: number; kind: 'pdf'; bytes: Uint8Array; pages: number[] };

export type OcrReply =
  | { type: 'ready' }
  | { id: number; type: 'page-start'; page: number }
  | { id: number; type: 'page'; page: number; reading: PageReading }
  | { id: number; type: 'page-skipped'; page: number; reason: string }
  | { id: number; type: 'done' }
  | { id: number; type: 'failed'; reason: string };
