// Tesseract (tesseract.js 7, LSTM engine, English) over grayscale pages. tesseract.js runs the
// engine in a thread of its own; the language data is read from node_modules (langPath is a
// folder, so tesseract.js never fetches) and never cached (cacheMethod 'none').
import type Tesseract from 'tesseract.js';
import { ocrAssets } from './assets.js';
import { OCR_LANGUAGE } from './limits.js';
import { toPgm, type Raster } from './raster.js';

export interface Recognition {
  text: string;
  /** Mean word confidence, 0–100 (0 when no word was found). */
  confidence: number;
}

export type Recognize = (page: Raster) => Promise<Recognition>;

export class TesseractEngine {
  private worker: Promise<Tesseract.Worker> | null = null;

  readonly recognize: Recognize = async (page) => {
    const worker = await this.start();
    const { data } = await worker.recognize(Buffer.from(toPgm(page)), {}, { text: true });
    return { text: data.text, confidence: Math.round(data.confidence) };
  };

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.then((w) => w.terminate()).catch(() => undefined);
  }

  private start(): Promise<Tesseract.Worker> {
    this.worker ??= this.create();
    return this.worker;
  }

  private async create(): Promise<Tesseract.Worker> {
    const { workerPath, langPath } = ocrAssets();
    const { default: tesseract } = await import('tesseract.js');
    return tesseract.createWorker(OCR_LANGUAGE, tesseract.OEM.LSTM_ONLY, {
      workerPath,
      langPath,
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
    }).catch((err: unknown) => {
      this.worker = null; // try again on the next page
      throw err;
    });
  }
}
