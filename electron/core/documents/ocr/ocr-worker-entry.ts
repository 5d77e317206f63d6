// Worker-thread entry for text recognition (built to dist/workers/ocr-worker.js): decoding photos,
// taking pictures out of scanned PDFs and reading them happen here, so the caller stays responsive
// and a page that stalls can be stopped by terminating this thread.
import { parentPort } from 'node:worker_threads';
import { TesseractEngine } from './engine.js';
import type { OcrReply, OcrRequest } from './protocol.js';
import { runOcrRequest } from './runner.js';

// The decoders print diagnostics to stdout (libheif on a damaged file), and a worker's stdout is
// the process's: the CLI's --json output. Everything printed here goes to stderr instead.
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

const engine = new TesseractEngine();
const send = (reply: OcrReply) => parentPort!.postMessage(reply);

parentPort?.on('message', (req: OcrRequest) => {
  void runOcrRequest(req, send, engine.recognize);
});
send({ type: 'ready' });
