// Reads a DICOMDIR's directory records to find the files a CD/USB stick's index refers to.
// Records are taken in sequence order: every record is in the sequence exactly once, so the
// offset links (which damaged writers often get wrong) are not needed just to list the files.
import { SkipFile } from '../base/analysis.js';
import { readDicomDataSet } from './dataset.js';
import { HeaderReader, MEDIA_STORAGE_DIRECTORY_SOP_CLASS } from './parse.js';

export interface DicomdirEntry {
  /** Relative path with '/' separators, as written in the DICOMDIR, e.g. 'DICOM/IM000001'. */
  fileId: string;
  recordType: string;
  sopInstanceUID?: string;
}

export function readDicomdir(bytes: Uint8Array): { files: DicomdirEntry[] } {
  const { dataSet } = readDicomDataSet(bytes, { untilPixelData: false });
  const header = new HeaderReader(dataSet);
  const sequence = dataSet.elements.x00041220;
  if (!sequence) {
    const sopClass = header.uid('x00020002');
    throw new SkipFile({ code: 'not-a-dicomdir', damaged: sopClass === MEDIA_STORAGE_DIRECTORY_SOP_CLASS });
  }
  const files: DicomdirEntry[] = [];
  for (const item of sequence.items ?? []) {
    if (!item.dataSet) continue;
    const record = new HeaderReader(item.dataSet);
    if (record.us('x00041410') === 0) continue; // inactive record (PS3.3 F.5, 0000H = deleted)
    const fileId = record.text('x00041500');
    if (!fileId) continue;
    const parts = fileId.split('\\').map((p) => p.trim());
    // A file ID is relative to the DICOMDIR; anything that climbs out of the medium is ignored.
    if (parts.some((p) => p === '' || p === '.' || p === '..' || /[/:]/.test(p))) continue;
    const sopInstanceUID = record.uid('x00041511');
    files.push({
      fileId: parts.join('/'),
      recordType: record.text('x00041430') ?? '',
      ...(sopInstanceUID ? { sopInstanceUID } : {}),
    });
  }
  return { files };
}
