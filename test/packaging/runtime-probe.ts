// Run by the packaging test in a plain Node child process, from an extracted package (argv[2]):
// starts tesseract.js with the packaged English model and instantiates every codec the DICOM
// engine loads at run time (its own table, RUNTIME_CODECS), each from the package's own files.
// Prints one JSON line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RUNTIME_CODECS } from '../../electron/core/dicom/pixels/codecs/files.js';

/** The codecs the engine loads, by their glue script's package export. */
export const DECODERS = RUNTIME_CODECS.map((c) => c.js);
/** The English model the package keeps, for tesseract's default (LSTM) engine. */
export const OCR_MODEL_DIR = '@tesseract.js-data/eng/4.0.0_best_int';

export interface ProbeResult {
  ocrText: string;
  decoders: { name: string; file: string; exports: string[] }[];
}

interface TesseractLike {
  createWorker(lang: string, oem: number, options: Record<string, unknown>): Promise<{
    recognize(image: Buffer): Promise<{ data: { text: string } }>;
    terminate(): Promise<unknown>;
  }>;
  OEM: { LSTM_ONLY: number };
}

/** A white 24-bit BMP: enough for tesseract to load its core and model and run once. */
function whiteBmp(width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const bmp = Buffer.alloc(54 + row * height, 0xff);
  bmp.write('BM', 0);
  bmp.writeUInt32LE(bmp.length, 2);
  bmp.writeUInt32LE(0, 6);
  bmp.writeUInt32LE(54, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(width, 18);
  bmp.writeInt32LE(height, 22);
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  bmp.fill(0, 30, 54);
  bmp.writeUInt32LE(row * height, 34);
  return bmp;
}

async function probe(appDir: string): Promise<ProbeResult> {
  const requireApp = createRequire(path.join(appDir, 'package.json'));
  const tesseract = requireApp('tesseract.js') as TesseractLike;
  const langPath = path.dirname(requireApp.resolve(`${OCR_MODEL_DIR}/eng.traineddata.gz`));
  const worker = await tesseract.createWorker('eng', tesseract.OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  const ocrText = (await worker.recognize(whiteBmp(64, 32))).data.text;
  await worker.terminate();
  const decoders = [];
  for (const codec of RUNTIME_CODECS) {
    // As the engine does: the glue script from the package, its .wasm read by path from the package.
    const factory = requireApp(codec.js) as (m: Record<string, unknown>) => Promise<object>;
    const wasmBinary = readFileSync(requireApp.resolve(codec.wasm));
    const module = await factory({ wasmBinary, print: () => undefined, printErr: () => undefined });
    decoders.push({ name: codec.js, file: requireApp.resolve(codec.wasm), exports: Object.keys(module).filter((k) => /(De|En)coder$/.test(k)) });
  }
  return { ocrText, decoders };
}

// Only when run as the child's main script (the test imports the constants above).
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  probe(process.argv[2]!).then(
    (result) => console.log(JSON.stringify(result)),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}
