// What is only known once the copied files are written: document hashes and rendered previews.
// The generated files (INDEX.HTM, METADATA.XML, BUNDLE.JSN, README.TXT) are built from the plan + these.
import { createHash } from 'node:crypto';
import { newUid } from '../base/ids.js';

export interface DocumentFacts {
  size: number;
  sha1Hex: string;
}

export interface BundleFacts {
  /** By bundle path of the document. */
  documents: Map<string, DocumentFacts>;
  /** By PlannedSeries.previewPath: true when it shows the series, false for the placeholder. */
  previews: Map<string, boolean>;
  /** By viewer folder (ViewerSeries.dir): the image numbers written as placeholders (not renderable). */
  viewerMissing: Map<string, number[]>;
  /** OIDs minted for this export (XDM uniqueIds). */
  ids: { submissionSet: string; source: string; documents: Map<string, string> };
}

/** Stable per-app source OID, so receiving systems see every Dossier export from one source. */
export const DOSSIER_SOURCE_OID = newUid('6f1d3c2a-5b7e-4c1a-9d3f-0a2b4c6d8e10');

export function sha1Hex(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
