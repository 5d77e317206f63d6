// One request/reply channel over any message pipe (a worker thread, a WebSocket): each request gets
// an id, its reply settles it; a request can time out or be cancelled, and when the other side goes
// away every request still waiting fails at once. Used by every worker and transport in the app.

export type Reply<T> = { id: number; ok: true; value: T } | { id: number; ok: false; error: unknown };

export interface RequestOptions {
  /** Fails the request with `onTimeout()` after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  cleanup: () => void;
}

export class RequestChannel<Req, Res> {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly send: (id: number, request: Req) => void,
    /** The error a request fails with when it times out. */
    private readonly onTimeout: (request: Req) => unknown = () => new Error('no reply in time'),
  ) {}

  get pending(): number {
    return this.waiting.size;
  }

  request(request: Req, options: RequestOptions = {}): Promise<Res> {
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      const timer = options.timeoutMs !== undefined ? setTimeout(() => this.settle(id, { id, ok: false, error: this.onTimeout(request) }), options.timeoutMs) : undefined;
      const abort = () => this.settle(id, { id, ok: false, error: options.signal?.reason ?? new Error('cancelled') });
      options.signal?.addEventListener('abort', abort, { once: true });
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', abort);
      };
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, cleanup });
      if (options.signal?.aborted) return abort();
      try {
        this.send(id, request);
      } catch (err) {
        this.settle(id, { id, ok: false, error: err });
      }
    });
  }

  /** A reply arrived (unknown or late ids are ignored). */
  settle(id: number, reply: Reply<Res>): void {
    const w = this.waiting.get(id);
    if (!w) return;
    this.waiting.delete(id);
    w.cleanup();
    if (reply.ok) w.resolve(reply.value);
    else w.reject(reply.error);
  }

  /** The other side is gone: every request still waiting fails with `error`. */
  failAll(error: unknown): void {
    for (const id of [...this.waiting.keys()]) this.settle(id, { id, ok: false, error });
  }
}
