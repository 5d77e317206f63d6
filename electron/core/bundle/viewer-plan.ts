// What INDEX.HTM shows the doctor besides the originals: every image of every series as a JPEG
// (VIEWER/SER00001/IMG00001.JPG …, one folder per series, numbered in scrolling order) and a
// readable HTML copy of each C-CDA or FHIR document (VIEWER/DOC00001.HTM). Pure: names and counts.
import { numberedName } from './iso-names.js';
import { VIEWER_DIR } from './paths.js';
import type { BundleInstance } from './types.js';

/** Image n of a series is IMG + n in 5 digits + .JPG (an 8.3 name); INDEX.HTM's script builds the same names. */
export const VIEWER_IMAGE_NAME = { prefix: 'IMG', digits: 5, extension: '.JPG' } as const;
/** A series with more images than the names can count gets no scrollable copy. */
export const MAX_VIEWER_IMAGES = 10 ** VIEWER_IMAGE_NAME.digits - 1;

export interface ViewerImage {
  path: string;
  /** 1-based place in the series (what the page calls image N). */
  number: number;
  /** 0-based frame of its instance. */
  frame: number;
}

export interface ViewerSeries {
  /** VIEWER/SER00001/ — the images are <dir>IMG00001.JPG … in order. */
  dir: string;
  count: number;
}

export function viewerImagePath(dir: string, n: number): string {
  const { prefix, digits, extension } = VIEWER_IMAGE_NAME;
  return `${dir}${prefix}${String(n).padStart(digits, '0')}${extension}`;
}

/** Its images: Number of Frames, 1 when unknown, 0 when it holds no image (frames: 0). */
export const instanceFrames = (instance: BundleInstance): number => (instance.frames === undefined ? 1 : Math.max(0, instance.frames));

/** The series' viewer folder and, per instance, its images; null when it has too many. */
export function planViewerSeries(seriesNumber: number, instances: BundleInstance[]): { series: ViewerSeries; images: ViewerImage[][] } | null {
  const count = instances.reduce((n, i) => n + instanceFrames(i), 0);
  if (count === 0 || count > MAX_VIEWER_IMAGES) return null;
  const dir = `${VIEWER_DIR}/${numberedName('SER', seriesNumber)}/`;
  let n = 0;
  const images = instances.map((instance) =>
    Array.from({ length: instanceFrames(instance) }, (_, frame) => {
      n += 1;
      return { path: viewerImagePath(dir, n), number: n, frame };
    }),
  );
  return { series: { dir, count }, images };
}

export function renderedDocumentPath(index: number): string {
  return `${VIEWER_DIR}/${numberedName('DOC', index)}.HTM`;
}

/**
 * Rough size of the viewer images, for the export preview: JPEG at the quality the bundle uses
 * averages about 1 bit per pixel on grey medical images (2 for colour); bench/viewer measures it.
 */
export function estimateViewerBytes(instances: BundleInstance[]): number {
  const BYTES_PER_PIXEL = 1 / 8;
  return instances.reduce((sum, i) => sum + instanceFrames(i) * (i.rows ?? 512) * (i.columns ?? 512) * BYTES_PER_PIXEL + 600, 0);
}
