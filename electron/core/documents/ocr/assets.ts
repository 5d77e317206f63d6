// The files text recognition loads by path at run time — packaging must ship exactly these:
//   tesseract.js/src/worker-script/node/index.js   the recognizer's thread (spawned by tesseract.js)
//   tesseract.js-core/tesseract-core{,-simd,-relaxedsimd}-lstm.{js,wasm}   the engine; tesseract.js
//       picks the variant the CPU supports (relaxed SIMD in Electron, SIMD in Node 20)
//   @tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz   English, LSTM "best" (integer)
// All are resolved from node_modules: nothing is fetched, nothing is cached to disk.
import { createRequire } from 'node:module';
import path from 'node:path';

function requireHere(): NodeJS.Require {
  // CommonJS bundles (Electron's service worker) have __filename; ES modules have import.meta.url.
  return createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
}

export interface OcrAssets {
  workerPath: string;
  langPath: string;
  engine: string;
}

let cached: OcrAssets | undefined;

export function ocrAssets(): OcrAssets {
  if (cached) return cached;
  const req = requireHere();
  const version = (req('tesseract.js/package.json') as { version: string }).version;
  cached = {
    workerPath: req.resolve('tesseract.js/src/worker-script/node/index.js'),
    langPath: path.join(path.dirname(req.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
    engine: `tesseract.js ${version} (LSTM)`,
  };
  return cached;
}
