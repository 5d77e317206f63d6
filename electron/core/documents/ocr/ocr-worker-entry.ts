// Worker-thread entry for text recognition (built to dist/workers/ocr-worker.js): decoding photos,
// taking pictures out of scanned PDFs and reading them happen here, so the caller stays responsive
// and a page that stalls can be stopped by terminating this thread.
import { parentPort } from 'node:worker_threads';
import { TesseractEngine } from './engine.js';
import type { OcrReply, OcrRequest } from './protocol.js';
import { runOcrRequest } from './runner.js';

const engine = new TesseractEngine();
const send = (reply: OcrReply) => parentPort!.postMessage(reply);

parentPort?.on('message', (req: OcrRequest) => {
  void runOcrRequest(req, send, engine.recognize);
});
send({ type: 'ready' });
