// What the viewer needs to list a study's images: series, their instances and frames, in the
// order a radiologist scrolls them. Pure types and helpers; the core fills them from the index.
import type { PixelError } from './errors.js';
import type { DecodedFrame } from './frame.js';

export interface ImageInstance {
  /** The stored file's id: what images.frame asks for. */
  fileId: string;
  sopInstanceUID: string;
  instanceNumber: number | null;
  /** Slice Location (0020,1041) in mm, when the file states it. */
  sliceLocation: number | null;
  rows: number;
  columns: number;
  /** Number of Frames (1 for single-frame images). */
  frames: number;
}

export interface ImageSeries {
  seriesInstanceUID: string;
  modality: string;
  description: string;
  seriesNumber: number | null;
  /** Instances with pixel data only, by instance number, then slice location, then UID. */
  instances: ImageInstance[];
  /** Every frame of every instance: what "image N / M" counts. */
  imageCount: number;
}

/** One scrollable image: a frame of an instance. */
export interface ImageRef {
  fileId: string;
  frame: number;
  instance: ImageInstance;
}

/** A frame, or why it cannot be shown (as data: the UI words it). */
export type FrameResult = { ok: true; frame: DecodedFrame } | { ok: false; error: PixelError };

/** The series' images in scrolling order: each instance's frames in turn. */
export function seriesImages(series: ImageSeries): ImageRef[] {
  return series.instances.flatMap((instance) => Array.from({ length: instance.frames }, (_, frame) => ({ fileId: instance.fileId, frame, instance })));
}

/** The image a thumbnail shows: the middle one. */
export function middleImageIndex(count: number): number {
  return Math.max(0, Math.floor((count - 1) / 2));
}
