// Where things go in a bundle: the fixed names at its root and the folders it owns.
export const XDM_SUBSET = 'IHE_XDM/SUBSET01';
export const PREVIEW_DIR = 'PREVIEW';
/** What INDEX.HTM shows the doctor: each series' images as JPEGs, and readable copies of documents. */
export const VIEWER_DIR = 'VIEWER';

export const PATHS = {
  dicomdir: 'DICOMDIR',
  index: 'INDEX.HTM',
  readme: 'README.TXT',
  manifest: 'MANIFEST.TXT',
  xdmMetadata: `${XDM_SUBSET}/METADATA.XML`,
  fhir: 'FHIR/BUNDLE.JSN',
  ips: 'FHIR/IPS.JSN',
  summary: 'SUMMARY.PDF',
} as const;

/** Top-level names a bundle owns at its root: what overwrite replaces and verify scans. */
export const BUNDLE_ROOT_NAMES = ['DICOM', 'IHE_XDM', 'FHIR', PREVIEW_DIR, VIEWER_DIR, PATHS.dicomdir, PATHS.index, PATHS.readme, PATHS.summary, PATHS.manifest] as const;

/** Metadata files that receiving systems parse, by their format: verify parses them too. */
export function structuredFormat(path: string): 'xml' | 'json' | null {
  if (path === PATHS.xdmMetadata) return 'xml';
  if (path.startsWith('FHIR/') && path.endsWith('.JSN')) return 'json';
  return null;
}
