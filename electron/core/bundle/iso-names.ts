// File names that every media reader accepts: ISO 9660 level 1 / DOS 8.3, upper case A–Z 0–9 _,
// as DICOM PS3.10 requires for File IDs (≤ 8 chars per component, ≤ 8 levels, no extension on
// DICOM files) and IHE XDM requires for the document subset.

const COMPONENT = /^[A-Z0-9_]{1,8}$/;
const NAME_8_3 = /^[A-Z0-9_]{1,8}(\.[A-Z0-9_]{1,3})?$/;

export function isIsoComponent(name: string): boolean {
  return COMPONENT.test(name);
}

export function isIso83Name(name: string): boolean {
  return NAME_8_3.test(name);
}

/** A relative path whose folders are ISO components and whose file is 8.3; at most 8 levels. */
export function isIsoPath(path: string): boolean {
  const parts = path.split('/');
  const file = parts.pop();
  if (file === undefined || parts.length + 1 > 8) return false;
  return parts.every(isIsoComponent) && isIso83Name(file);
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTERS = 26;

/** How many names numberedName can make for a prefix: the decimal ones, then those led by a letter. */
export function nameCapacity(prefix: string): number {
  const width = 8 - prefix.length;
  return 10 ** width + LETTERS * 36 ** (width - 1);
}

/**
 * Fixed-width numbered component, prefix + suffix = 8 characters of A–Z 0–9 (ISO 9660 level 1):
 * PT000000, ST000012, DOC00001 — decimal while the digits fit, then (for very large bundles) a
 * suffix that starts with a letter, so it never repeats a decimal name: DOCA0000, DOCA0001, …
 */
export function numberedName(prefix: string, index: number): string {
  const width = 8 - prefix.length;
  if (index < 0 || !Number.isInteger(index) || index >= nameCapacity(prefix)) throw new RangeError(`too many items for ${prefix} names (index ${index})`);
  if (index < 10 ** width) return prefix + String(index).padStart(width, '0');
  let rest = index - 10 ** width;
  let tail = '';
  for (let i = 0; i < width - 1; i++, rest = Math.floor(rest / 36)) tail = DIGITS[rest % 36] + tail;
  return prefix + DIGITS[10 + rest] + tail;
}

/** DICOM File ID components for patient/study/series/instance indexes (0-based). */
export function dicomFileId(patient: number, study: number, series: number, image: number): string[] {
  return [
    'DICOM',
    numberedName('PT', patient),
    numberedName('ST', study),
    numberedName('SE', series),
    numberedName('IM', image),
  ];
}

const EXTENSION_BY_MIME: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/tiff': 'TIF',
  'image/heic': 'HEI',
  'image/gif': 'GIF',
  'text/plain': 'TXT',
  'text/html': 'HTM',
  'text/xml': 'XML',
  'application/xml': 'XML',
  'application/hl7-v3+xml': 'XML',
  'application/json': 'JSN',
  'application/fhir+json': 'JSN',
};

/** Three-letter upper-case extension from the MIME type, else from the original name, else BIN. */
export function extensionFor(mimeType: string, fileName: string): string {
  const known = EXTENSION_BY_MIME[mimeType.toLowerCase().split(';')[0]?.trim() ?? ''];
  if (known) return known;
  const dot = fileName.lastIndexOf('.');
  const fromName = dot >= 0 ? fileName.slice(dot + 1).toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
  return fromName.length > 0 ? fromName.slice(0, 3) : 'BIN';
}

/** DOC00001.PDF, DOC00002.JPG, … (1-based, as people count documents). */
export function documentFileName(index: number, mimeType: string, fileName: string): string {
  return `${numberedName('DOC', index)}.${extensionFor(mimeType, fileName)}`;
}
