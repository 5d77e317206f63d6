// Decoded frames the viewer has fetched, bounded by bytes (least recently used out), so that
// scrolling back and forth and cine loops do not ask the core again.
import type { FrameResult } from '../../../shared/imaging/series.js';

/** Bytes of decoded frames kept in the page. */
export const FRAME_CACHE_BYTES = 256 * 1024 * 1024;

function sizeOf(result: FrameResult): number {
  return result.ok ? result.frame.samples.byteLength + 512 : 512;
}

export class FrameCache {
  private readonly entries = new Map<string, FrameResult>();
  private total = 0;

  constructor(private readonly maxBytes = FRAME_CACHE_BYTES) {}

  get(key: string): FrameResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, result: FrameResult): void {
    const old = this.entries.get(key);
    if (old) this.total -= sizeOf(old);
    this.entries.delete(key);
    const size = sizeOf(result);
    for (const [k, v] of this.entries) {
      if (this.total + size <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= sizeOf(v);
    }
    this.entries.set(key, result);
    this.total += size;
  }

  get bytes(): number {
    return this.total;
  }
}

export const frameKey = (fileId: string, frame: number): string => `${fileId}:${frame}`;
