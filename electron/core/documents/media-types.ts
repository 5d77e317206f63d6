// File extensions for attachments that arrive with a MIME type but no usable file name.

const EXT_BY_MEDIA_TYPE: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/rtf': 'rtf',
  'application/rtf': 'rtf',
  'text/xml': 'xml',
  'application/xml': 'xml',
  'application/hl7-v3+xml': 'xml',
  'application/fhir+json': 'json',
  'application/json': 'json',
  'application/dicom': 'dcm',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
  'image/heic': 'heic',
};

export function extensionForMediaType(mediaType: string | undefined): string {
  const base = (mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return EXT_BY_MEDIA_TYPE[base] ?? 'bin';
}

/** A name safe to use as a file name: no directories, no control characters, not empty. */
export function safeAttachmentName(title: string | undefined, mediaType: string | undefined, fallback: string): string {
  const ext = extensionForMediaType(mediaType);
  const cleaned = (title ?? '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  if (!cleaned) return `${fallback}.${ext}`;
  return /\.[a-z0-9]{2,5}$/i.test(cleaned) ? cleaned : `${cleaned}.${ext}`;
}
