// Fetches decoded frames for one viewer: the image on screen first, then the neighbours it is
// likely to show next (a few at a time, the newest wish replacing older ones), all kept in a
// byte-bounded FrameCache.
import type { DossierBridge } from '../../../shared/api.js';
import type { FrameResult, ImageRef } from '../../../shared/imaging/series.js';
import { FrameCache, frameKey } from './frame-cache.js';

/** Requests in flight at once: enough to hide the round trip, few enough to keep the core responsive. */
const CONCURRENCY = 3;

export class FrameLoader {
  private readonly inflight = new Map<string, Promise<FrameResult>>();
  private queue: ImageRef[] = [];
  private active = 0;

  constructor(
    private readonly bridge: DossierBridge,
    private readonly cache = new FrameCache(),
  ) {}

  /** The frame if it is already here. */
  cached(ref: ImageRef): FrameResult | undefined {
    return this.cache.get(frameKey(ref.fileId, ref.frame));
  }

  /** The frame, fetched now (ahead of any prefetch). */
  load(ref: ImageRef): Promise<FrameResult> {
    const key = frameKey(ref.fileId, ref.frame);
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve(hit);
    return this.inflight.get(key) ?? this.fetch(ref, key);
  }

  /** Replaces the wish list of frames to fetch in the background, nearest first. */
  prefetch(refs: ImageRef[]): void {
    this.queue = refs.filter((r) => {
      const key = frameKey(r.fileId, r.frame);
      return !this.cache.has(key) && !this.inflight.has(key);
    });
    this.pump();
  }

  private pump(): void {
    while (this.active < CONCURRENCY && this.queue.length > 0) {
      const ref = this.queue.shift() as ImageRef;
      const key = frameKey(ref.fileId, ref.frame);
      if (this.cache.has(key) || this.inflight.has(key)) continue;
      this.active++;
      void this.fetch(ref, key)
        .catch(() => undefined) // a failed prefetch is asked again when the image is shown
        .finally(() => {
          this.active--;
          this.pump();
        });
    }
  }

  private fetch(ref: ImageRef, key: string): Promise<FrameResult> {
    const p = this.bridge
      .call('images.frame', { fileId: ref.fileId, frame: ref.frame })
      .then((result) => {
        this.cache.set(key, result);
        return result;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }
}
