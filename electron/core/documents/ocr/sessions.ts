// Where pages are read: a worker thread (the normal case), or this thread when the built worker
// script cannot start here (e.g. not built). The client sees both through the same interface.
import { Worker } from 'node:worker_threads';
import { TesseractEngine } from './engine.js';
import type { OcrReply, OcrRequest } from './protocol.js';
import { runOcrRequest } from './runner.js';

export interface SessionEvents {
  reply(reply: OcrReply): void;
  /** The worker script could not start: nothing was read by it. */
  startFailed(): void;
  /** The thread ended on its own (crash, out of memory) while it may have been reading. */
  ended(): void;
}

export interface OcrSession {
  post(req: OcrRequest): void;
  /** Nothing to read for now: let the process exit (and, in this thread, free the engine). */
  idle(): void;
  stop(): void;
}

export function threadSession(workerPath: string, events: SessionEvents): OcrSession {
  const worker = new Worker(workerPath);
  let ready = false;
  let stopped = false;
  worker.on('message', (reply: OcrReply) => {
    if (reply.type === 'ready') ready = true;
    else if (!stopped) events.reply(reply);
  });
  worker.on('error', () => {
    if (!ready && !stopped) (stopped = true), events.startFailed();
    // After start, an uncaught error ends the thread: 'exit' follows and reports it.
  });
  worker.on('exit', () => {
    if (!stopped) (stopped = true), events.ended();
  });
  return {
    post: (req) => {
      worker.ref();
      worker.postMessage(req);
    },
    idle: () => worker.unref(),
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

export function inThreadSession(events: SessionEvents): OcrSession {
  let engine = new TesseractEngine();
  let stopped = false;
  return {
    post: (req) => {
      const mine = engine;
      void runOcrRequest(req, (reply) => !stopped && mine === engine && events.reply(reply), mine.recognize);
    },
    // tesseract.js's own thread would keep the process alive: close it between files.
    idle: () => {
      void engine.close();
      engine = new TesseractEngine();
    },
    stop: () => {
      stopped = true;
      void engine.close();
    },
  };
}
