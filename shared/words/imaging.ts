// Words for why an image cannot be shown (shared/imaging/errors.ts), for the app and the CLI.
import type { PixelError } from '../imaging/errors.js';

function syntaxName(e: { transferSyntaxUID: string; name?: string }): string {
  return e.name ? `${e.name} (${e.transferSyntaxUID})` : e.transferSyntaxUID;
}

export function describePixelError(e: PixelError): string {
  switch (e.code) {
    case 'damaged-dataset':
      return 'This image file is damaged and cannot be read.';
    case 'no-pixel-data':
      return 'This file holds no image (it may be a report or a measurement).';
    case 'unsupported-transfer-syntax':
      return `This image is stored in a format Dossier cannot show yet: ${syntaxName(e)}. The file itself is kept and exported unchanged.`;
    case 'unsupported-bit-depth':
      return `This image uses ${e.bitsPerSample}-bit ${syntaxName(e)}, which Dossier cannot show yet. The file itself is kept and exported unchanged.`;
    case 'unsupported-pixel-format':
      return `This image's colour format (${e.photometric}, ${e.samplesPerPixel} × ${e.bitsAllocated}-bit) is not supported yet. The file itself is kept and exported unchanged.`;
    case 'frame-out-of-range':
      return `This file has ${e.frameCount} image${e.frameCount === 1 ? '' : 's'}; image ${e.frame + 1} does not exist.`;
    case 'too-large':
      return `This image is too large to show (${e.columns} × ${e.rows} pixels).`;
    case 'frame-damaged':
      return `Image ${e.frame + 1} of this file is damaged (${FRAME_DAMAGE_WORDS[e.cause]}) and cannot be shown.`;
  }
}

const FRAME_DAMAGE_WORDS = {
  truncated: 'the file ends too early',
  missing: 'its data is missing',
  'codec-error': 'its compressed data cannot be decoded',
  mismatch: 'its data does not match its description',
  'bad-lut': 'a colour table it needs is missing or broken',
} as const;
