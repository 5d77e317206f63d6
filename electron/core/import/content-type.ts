// Recognises files by content, never by extension, and picks the analyzer for each format.
import type { FileFormat } from '../../../shared/domain.js';
import { looksLikeDicom, analyzeDicom } from '../dicom/analyzer.js';
import { sniffFormat } from '../documents/sniff.js';
import { analyzePdf } from '../documents/pdf.js';
import { analyzeImage } from '../documents/image.js';
import { analyzeCda } from '../documents/cda.js';
import { analyzeFhir } from '../documents/fhir.js';
import { analyzeText } from '../documents/text.js';
import type { Analysis, Analyzer } from '../base/analysis.js';
import type { SkipReason } from '../../../shared/import-outcomes.js';

export function detectFormat(head: Uint8Array, name: string): FileFormat {
  if (looksLikeDicom(head)) return 'dicom';
  return sniffFormat(head, name);
}

type Program = Extract<SkipReason, { code: 'program' }>['program'];

/** Executables and autorun files: viewer software from a CD, never a record. */
export function programKind(head: Uint8Array, name: string): Program | null {
  const lower = name.toLowerCase();
  if (lower === 'autorun.inf') return 'autorun';
  if (head[0] === 0x4d && head[1] === 0x5a) return 'windows';
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return 'linux';
  const magic = head.length >= 4 ? ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0 : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return 'macos';
  return null;
}

/**
 * A file named like DICOM, PDF or a zip whose content is unrecognisable binary is a damaged or
 * renamed file, not a document to keep: it is skipped (content still decides the format).
 */
export function misnamedAs(name: string, format: FileFormat): 'dicom' | 'pdf' | 'zip' | null {
  if (format !== 'other') return null;
  if (/\.(dcm|dicom|dic)$/i.test(name)) return 'dicom';
  if (/\.pdf$/i.test(name)) return 'pdf';
  if (/\.zip$/i.test(name)) return 'zip';
  return null;
}

const ANALYZERS: Partial<Record<FileFormat, Analyzer>> = {
  dicom: analyzeDicom,
  pdf: analyzePdf,
  jpeg: analyzeImage,
  png: analyzeImage,
  heic: analyzeImage,
  cda: analyzeCda,
  'fhir-json': analyzeFhir,
  text: analyzeText,
};

/** Largest file each format is read into memory for (bigger ones are stored unanalysed). */
export const ANALYZE_LIMIT: Partial<Record<FileFormat, number>> = {
  dicom: 2 ** 31 - 1,
  pdf: 512 * 2 ** 20,
  jpeg: 256 * 2 ** 20,
  png: 256 * 2 ** 20,
  heic: 256 * 2 ** 20,
  cda: 64 * 2 ** 20,
  'fhir-json': 256 * 2 ** 20,
  text: 32 * 2 ** 20,
};

export function analyzerFor(format: FileFormat): Analyzer | null {
  return ANALYZERS[format] ?? null;
}

/** Any other file is still kept, as a document of type "other". */
export function genericAnalysis(name: string, format: FileFormat): Analysis {
  const title = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || name;
  return { format, kind: 'document', type: 'other', typeGuessed: true, title, dateGuessed: false, metadata: {} };
}
