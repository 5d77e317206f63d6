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

/** Fixed-width numbered component: PT000000, ST000012, DOC00001 (prefix + digits = 8 chars). */
export function numberedName(prefix: string, index: number): string {
  const width = 8 - prefix.length;
  const digits = String(index);
  if (digits.length > width || index < 0 || !Number.isInteger(index)) {
    throw new Error(`too many items for ${prefix} names (index ${index})`);
  }
  return prefix + digits.padStart(width, '0');
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
