// A few worker threads running one built script, each request going to the least busy one, so CPU
// work (sealing an import, rendering a bundle's images) runs on every core while the main thread
// does the I/O. Where the script is not built (tests running the sources), there are no lanes and
// the caller runs the same code in-thread.
import { Worker, type MessagePort } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { findBuiltWorker } from './built-worker.js';
import { RequestChannel, type Reply } from '../../../shared/request-reply.js';

interface Lane<Req, Res> {
  worker: Worker;
  channel: RequestChannel<Req, Res>;
}

export interface WorkerPoolOptions<Req> {
  /** The script's name under dist/workers/. */
  script: string;
  workerData?: unknown;
  /** The buffers a request hands over to the worker (they are unusable in the caller afterwards). */
  transfer?: (request: Req) => ArrayBuffer[];
  /** Names the worker in the error pending requests fail with when it stops. */
  label: string;
}

export class WorkerPool<Req, Res> {
  private lanes: Lane<Req, Res>[] | null = null;
  private script: string | null = null;

  constructor(private readonly options: WorkerPoolOptions<Req>) {}

  /** False where no worker can start: the caller runs the work in-thread. */
  get available(): boolean {
    return this.start().length > 0;
  }

  async request(request: Req): Promise<Res> {
    const lane = this.pick();
    // A worker keeps the process alive only while it has work (an idle pool must not hold a CLI open).
    lane.worker.ref();
    try {
      return await lane.channel.request(request);
    } finally {
      if (!lane.channel.pending) lane.worker.unref();
    }
  }

  close(): void {
    for (const lane of this.lanes ?? []) void lane.worker.terminate();
    this.lanes = [];
    this.script = null; // closed for good: no lane starts again
  }

  /**
   * The least busy lane; another worker starts only when every one is busy (starting a thread and
   * its codecs costs more CPU than a few jobs: a handful of previews need one worker, not two).
   */
  private pick(): Lane<Req, Res> {
    const lanes = this.start();
    const idle = lanes.find((l) => l.channel.pending === 0);
    if (idle) return idle;
    if (this.script && lanes.length < maxLanes()) {
      const lane = this.lane(this.script);
      lanes.push(lane);
      return lane;
    }
    return lanes.reduce((a, b) => (b.channel.pending < a.channel.pending ? b : a));
  }

  private start(): Lane<Req, Res>[] {
    if (this.lanes) return this.lanes;
    this.script = findBuiltWorker(this.options.script);
    this.lanes = this.script ? [this.lane(this.script)] : [];
    return this.lanes;
  }

  private lane(script: string): Lane<Req, Res> {
    const { workerData, transfer, label } = this.options;
    const worker = new Worker(script, { workerData });
    const channel = new RequestChannel<Req, Res>((id, request) => worker.postMessage({ id, request }, transfer?.(request) ?? []));
    worker.on('message', (reply: Reply<Res>) => channel.settle(reply.id, reply));
    worker.on('error', (err) => channel.failAll(err));
    worker.on('exit', () => channel.failAll(new Error(`the ${label} worker stopped`)));
    worker.unref();
    return { worker, channel };
  }
}

/** Workers per pool: the cores, at most two (the main thread and the other pools need some too). */
function maxLanes(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** The worker side: answers each request with `handle`'s result, or its error's code and message. */
export function serveRequests<Req, Res>(port: MessagePort, handle: (request: Req) => Res | Promise<Res>, transfer?: (value: Res) => ArrayBuffer[]): void {
  port.on('message', async ({ id, request }: { id: number; request: Req }) => {
    try {
      const value = await handle(request);
      port.postMessage({ id, ok: true, value }, transfer?.(value) ?? []);
    } catch (err) {
      port.postMessage({ id, ok: false, error: { code: (err as NodeJS.ErrnoException).code, message: (err as Error).message } });
    }
  });
}
