// Photos and scans of paper (JPEG, PNG, HEIC): stored as documents; the title comes from the
// file name and, for JPEG, the date from EXIF (when the photo was taken: a guess, shown as such).
import { SkipFile, type Analysis, type Analyzer } from '../base/analysis.js';
import { jpegInfo, pngInfo, type ImageInfo } from './image-info.js';
import { imageFormat } from './sniff.js';
import { fileStem } from './titles.js';

export const analyzeImage: Analyzer = async ({ name, bytes }) => {
  const format = imageFormat(bytes);
  if (!format) throw new SkipFile('not a JPEG, PNG or HEIC image (unrecognised file signature)');
  const info: ImageInfo = format === 'jpeg' ? jpegInfo(bytes) : format === 'png' ? pngInfo(bytes) : {};
  const metadata: Record<string, unknown> = {};
  if (info.width && info.height) {
    metadata['width'] = info.width;
    metadata['height'] = info.height;
  }
  if (info.takenDate) metadata['exifDate'] = info.takenDate;
  const analysis: Analysis = {
    format,
    kind: 'document',
    type: 'other',
    typeGuessed: true,
    title: fileStem(name),
    dateGuessed: true,
    metadata,
  };
  if (info.takenDate) analysis.date = info.takenDate;
  return analysis;
};
