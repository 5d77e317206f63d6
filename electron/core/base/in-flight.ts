// Bounded concurrency: at most N jobs under way at once (InFlight: an export copies a few files
// together, so the disk, the threadpool and the workers overlap instead of waiting on one another),
// or a list worked through in N lanes (inLanes: fsyncs, renames, verify's reads).

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  /**
   * Starts `job` once fewer than `limit` are running; `done` is its promise (the caller may await
   * it or leave it to drain()). Throws at once if an earlier job failed.
   */
  async start<T>(job: () => Promise<T>): Promise<{ done: Promise<T> }> {
    while (this.running.size >= this.limit) await Promise.race(this.running).catch(() => undefined);
    this.throwIfFailed();
    const promise = job();
    const tracked = promise.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
    return { done: promise };
  }

  /** Waits for every job; rethrows the first failure. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.race(this.running);
    this.throwIfFailed();
  }

  /** Waits until nothing is under way, failed or not (before cleaning up after a failure). */
  async settle(): Promise<void> {
    while (this.running.size) await Promise.race(this.running);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

/**
 * Works through `items` in `lanes` parallel lanes (each takes the next item when it is free);
 * `lane` tells a job which lane runs it, so a lane can keep a buffer of its own.
 */
export async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T, index: number, lane: number) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async (lane: number): Promise<void> => {
    for (let k = next++; k < items.length; k = next++) await work(items[k]!, k, lane);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, (_, lane) => run(lane)));
}
