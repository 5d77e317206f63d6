// The limits and per-entry checks that keep a hostile zip (from a patient portal, an e-mail, a CD)
// from writing outside the import, following symlinks, or filling the disk/memory (zip bombs).
// Documented in docs/zip-safety.md; change both together.

import type { SkipReason } from '../../../shared/import-outcomes.js';

const MiB = 1024 * 1024;

/**
 * The most files one import takes, from a folder or from a zip: a zip of 120,000 tiny entries once
 * made 100,000 records, gigabytes of memory and a bundle that could not be named. Beyond it the
 * folder or zip is refused up front, with what to do instead (docs/zip-safety.md).
 */
export const MAX_FILES_PER_IMPORT = 50_000;
const GiB = 1024 * MiB;

export interface ZipLimits {
  /** Sum of declared uncompressed sizes over a zip and every zip nested in it. */
  maxTotalUncompressedBytes: number;
  /** Largest uncompressed:compressed ratio accepted for entries above `ratioCheckMinBytes`. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
  /** Entries (files, folders, rejected ones) in one zip; a zip with more is refused as a whole. */
  maxEntries: number;
  /** A zip inside a zip is depth 2; deeper than this is refused. */
  maxNestingDepth: number;
  /** A nested zip is read into memory to be opened; bigger ones are refused. */
  maxNestedZipBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxTotalUncompressedBytes: 20 * GiB,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1 * MiB,
  maxEntries: MAX_FILES_PER_IMPORT,
  maxNestingDepth: 3,
  maxNestedZipBytes: 1 * GiB,
});

/** Why a path inside a zip is refused, or null when it is a safe relative path. */
export function unsafePathReason(rawPath: string): SkipReason | null {
  const problem = (p: Extract<SkipReason, { code: 'zip-path' }>['problem']): SkipReason => ({ code: 'zip-path', problem: p });
  if (rawPath.includes('\0')) return problem('nul');
  const path = rawPath.replace(/\\/g, '/');
  if (path.startsWith('/')) return problem('absolute');
  if (/^[a-zA-Z]:/.test(path)) return problem('drive-letter');
  if (path.split('/').some((segment) => segment === '..')) return problem('escapes');
  return null;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Symlinks are recognised from the Unix mode in the upper 16 bits of the external attributes. */
export function isSymlinkMode(externalFileAttributes: number | undefined): boolean {
  if (externalFileAttributes === undefined) return false;
  const unixMode = (externalFileAttributes >>> 16) & 0xffff;
  return (unixMode & S_IFMT) === S_IFLNK;
}

export function bombRatioReason(
  uncompressedSize: number,
  compressedSize: number,
  limits: ZipLimits,
): SkipReason | null {
  if (uncompressedSize <= limits.ratioCheckMinBytes) return null;
  const ratio = uncompressedSize / Math.max(compressedSize, 1);
  if (ratio <= limits.maxCompressionRatio) return null;
  return { code: 'zip-bomb-ratio', ratio: Math.round(ratio), limit: limits.maxCompressionRatio };
}

/** Remaining uncompressed bytes, shared by a zip and the zips nested in it. */
export class SizeBudget {
  constructor(private remaining: number) {}
  take(bytes: number): boolean {
    if (bytes > this.remaining) return false;
    this.remaining -= bytes;
    return true;
  }
}
