// The one table of DICOM transfer syntaxes Dossier knows (PS3.5 §10, PS3.6 Annex A): UID, name,
// byte layout, and how the pixel data is encoded. Every other module imports from here.

export const TS = {
  implicitLE: '1.2.840.10008.1.2',
  explicitLE: '1.2.840.10008.1.2.1',
  deflatedLE: '1.2.840.10008.1.2.1.99',
  explicitBE: '1.2.840.10008.1.2.2',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegExtended: '1.2.840.10008.1.2.4.51',
  jpegLossless: '1.2.840.10008.1.2.4.57',
  jpegLosslessSV1: '1.2.840.10008.1.2.4.70',
  jpegLsLossless: '1.2.840.10008.1.2.4.80',
  jpegLsNearLossless: '1.2.840.10008.1.2.4.81',
  jpeg2000Lossless: '1.2.840.10008.1.2.4.90',
  jpeg2000: '1.2.840.10008.1.2.4.91',
  htj2kLossless: '1.2.840.10008.1.2.4.201',
  htj2kLosslessRpcl: '1.2.840.10008.1.2.4.202',
  htj2k: '1.2.840.10008.1.2.4.203',
  rle: '1.2.840.10008.1.2.5',
} as const;

/** How a syntax stores pixel data: native (uncompressed) or which codec an encapsulated frame needs. */
export type PixelEncoding = 'native' | 'rle' | 'jpeg' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg2000' | 'htj2k';

export interface TransferSyntax {
  uid: string;
  name: string;
  littleEndian: boolean;
  explicitVr: boolean;
  encoding: PixelEncoding;
  /** Lossy syntaxes: decoded values differ from the original by design. */
  lossy: boolean;
}

const row = (uid: string, name: string, encoding: PixelEncoding, lossy = false): TransferSyntax => ({
  uid,
  name,
  littleEndian: uid !== TS.explicitBE,
  explicitVr: uid !== TS.implicitLE,
  encoding,
  lossy,
});

export const TRANSFER_SYNTAXES: readonly TransferSyntax[] = [
  row(TS.implicitLE, 'Implicit VR Little Endian', 'native'),
  row(TS.explicitLE, 'Explicit VR Little Endian', 'native'),
  row(TS.deflatedLE, 'Deflated Explicit VR Little Endian', 'native'),
  row(TS.explicitBE, 'Explicit VR Big Endian', 'native'),
  row(TS.jpegBaseline, 'JPEG Baseline (Process 1)', 'jpeg', true),
  row(TS.jpegExtended, 'JPEG Extended (Process 2 & 4)', 'jpeg', true),
  row(TS.jpegLossless, 'JPEG Lossless, Non-Hierarchical (Process 14)', 'jpeg-lossless'),
  row(TS.jpegLosslessSV1, 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])', 'jpeg-lossless'),
  row(TS.jpegLsLossless, 'JPEG-LS Lossless Image Compression', 'jpeg-ls'),
  row(TS.jpegLsNearLossless, 'JPEG-LS Lossy (Near-Lossless) Image Compression', 'jpeg-ls', true),
  row(TS.jpeg2000Lossless, 'JPEG 2000 Image Compression (Lossless Only)', 'jpeg2000'),
  row(TS.jpeg2000, 'JPEG 2000 Image Compression', 'jpeg2000', true),
  row(TS.htj2kLossless, 'High-Throughput JPEG 2000 Image Compression (Lossless Only)', 'htj2k'),
  row(TS.htj2kLosslessRpcl, 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)', 'htj2k'),
  row(TS.htj2k, 'High-Throughput JPEG 2000 Image Compression', 'htj2k', true),
  row(TS.rle, 'RLE Lossless', 'rle'),
];

const BY_UID = new Map(TRANSFER_SYNTAXES.map((t) => [t.uid, t]));

/** The syntax for a UID, or undefined for one Dossier cannot decode (MPEG, JPIP, retired ones…). */
export function transferSyntax(uid: string): TransferSyntax | undefined {
  return BY_UID.get(uid);
}

/** Names of a few syntaxes we recognise but cannot decode, so errors can say what they are. */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  '1.2.840.10008.1.2.4.100': 'MPEG2 Main Profile / Main Level',
  '1.2.840.10008.1.2.4.101': 'MPEG2 Main Profile / High Level',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 AVC/H.264 High Profile / Level 4.1',
  '1.2.840.10008.1.2.4.103': 'MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1',
  '1.2.840.10008.1.2.4.104': 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video',
  '1.2.840.10008.1.2.4.105': 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video',
  '1.2.840.10008.1.2.4.106': 'MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2',
  '1.2.840.10008.1.2.4.107': 'HEVC/H.265 Main Profile / Level 5.1',
  '1.2.840.10008.1.2.4.108': 'HEVC/H.265 Main 10 Profile / Level 5.1',
  '1.2.840.10008.1.2.4.92': 'JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)',
  '1.2.840.10008.1.2.4.93': 'JPEG 2000 Part 2 Multi-component Image Compression',
  '1.2.840.10008.1.2.4.94': 'JPIP Referenced',
  '1.2.840.10008.1.2.4.95': 'JPIP Referenced Deflate',
};

/** A display name for any UID: ours, a known unsupported one, or undefined. */
export function transferSyntaxName(uid: string): string | undefined {
  return BY_UID.get(uid)?.name ?? KNOWN_UNSUPPORTED[uid];
}
