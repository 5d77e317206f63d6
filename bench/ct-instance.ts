// A CT-sized synthetic DICOM instance (512 × 512 × 16 bit) for the benchmarks.
import { TS, el, writePart10 } from '../electron/core/dicom/writer.js';
import { newUid } from '../electron/core/base/ids.js';

export const SIDE = 512;

/** One CT instance with its own gradient so no two files are alike (no dedup). */
export function instance(study: string, series: string, seriesNo: number, n: number): Uint8Array {
  const pixels = new Uint8Array(SIDE * SIDE * 2);
  for (let i = 0; i < SIDE * SIDE; i++) {
    const v = (i + n * 7 + seriesNo * 13) & 0x0fff;
    pixels[i * 2] = v & 0xff;
    pixels[i * 2 + 1] = v >> 8;
  }
  const sop = newUid();
  const sopClass = '1.2.840.10008.5.1.4.1.1.2';
  return writePart10(
    [
      el(0x00080016, 'UI', sopClass), el(0x00080018, 'UI', sop), el(0x00080020, 'DA', '20240301'), el(0x00080060, 'CS', 'CT'),
      el(0x00081030, 'LO', 'BENCH CT'), el(0x0008103e, 'LO', `Series ${seriesNo}`),
      el(0x00100010, 'PN', 'Bench^Patient'), el(0x00100020, 'LO', 'BENCH1'), el(0x00100030, 'DA', '19700101'),
      el(0x0020000d, 'UI', study), el(0x0020000e, 'UI', series), el(0x00200011, 'IS', seriesNo), el(0x00200013, 'IS', n),
      el(0x00280002, 'US', 1), el(0x00280004, 'CS', 'MONOCHROME2'), el(0x00280010, 'US', SIDE), el(0x00280011, 'US', SIDE),
      el(0x00280100, 'US', 16), el(0x00280101, 'US', 12), el(0x00280102, 'US', 11), el(0x00280103, 'US', 0),
      el(0x7fe00010, 'OW', pixels),
    ],
    { transferSyntaxUID: TS.explicitLE, sopClassUID: sopClass, sopInstanceUID: sop },
  );
}
