// Why a frame could not be decoded, as data (a code and its fields), never as English text:
// the UI chooses the words, tests compare fields.

export type PixelError =
  /** The bytes are not a readable DICOM dataset. */
  | { code: 'damaged-dataset' }
  /** The instance has no pixel data (a report, a presentation state…) or no rows/columns. */
  | { code: 'no-pixel-data' }
  | { code: 'unsupported-transfer-syntax'; transferSyntaxUID: string; name?: string }
  /** A syntax we decode, but not at this sample precision (e.g. 12-bit JPEG Extended). */
  | { code: 'unsupported-bit-depth'; transferSyntaxUID: string; name?: string; bitsPerSample: number }
  | { code: 'unsupported-pixel-format'; photometric: string; samplesPerPixel: number; bitsAllocated: number }
  | { code: 'frame-out-of-range'; frame: number; frameCount: number }
  /** Rows × columns × samples beyond what Dossier will allocate for one frame. */
  | { code: 'too-large'; rows: number; columns: number; samplesPerPixel: number; limit: number }
  | { code: 'frame-damaged'; frame: number; cause: FrameDamage };

export type FrameDamage =
  /** The pixel data ends before this frame does. */
  | 'truncated'
  /** No fragment (or offset table entry) holds this frame. */
  | 'missing'
  /** The codec rejected the bitstream. */
  | 'codec-error'
  /** The bitstream decodes to another size, depth or component count than the header says. */
  | 'mismatch'
  /** A LUT the frame needs (palette, modality) is absent or malformed. */
  | 'bad-lut';

export type PixelErrorCode = PixelError['code'];
