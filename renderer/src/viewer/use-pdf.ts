// Loads a PDF record for the viewer: its bytes through files.read, then pdf.js; the pages' sizes
// (for placeholders) and, on demand, every page's text (for find).
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { errorMessage, useBridge } from '../bridge-context.js';
import { FileTooLargeError, readWholeFile } from './file-bytes.js';
import { openPdf } from './pdf-engine.js';
import { pageText, type PageText } from './pdf-find.js';

export interface LoadedPdf {
  doc: PDFDocumentProxy;
  /** Width and height of each page at scale 1 (PDF points). */
  sizes: { width: number; height: number }[];
}

export function usePdf(recordId: string): { pdf: LoadedPdf | null; error: string | null } {
  const bridge = useBridge();
  const [pdf, setPdf] = useState<LoadedPdf | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    void (async () => {
      const { bytes } = await readWholeFile(bridge, recordId);
      opened = await openPdf(bytes);
      const sizes = [];
      for (let n = 1; n <= opened.numPages; n++) {
        const vp = (await opened.getPage(n)).getViewport({ scale: 1 });
        sizes.push({ width: vp.width, height: vp.height });
      }
      if (live) setPdf({ doc: opened, sizes });
    })().catch((err: unknown) => {
      if (!live) return;
      if (err instanceof FileTooLargeError) setError('This PDF is too large to show here. It is kept safely and goes into your bundles as it is.');
      else if (err instanceof Error && err.name === 'PasswordException') setError('This PDF is protected with a password, so Dossier cannot show it. It is kept and exported as it is.');
      else if (err instanceof Error) setError('This PDF could not be read. It may be damaged; the file itself is kept unchanged.');
      else setError(errorMessage(err));
    });
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [bridge, recordId]);
  return { pdf, error };
}

/** Every page's text, read once when first asked for. */
export function usePdfText(pdf: LoadedPdf | null): () => Promise<PageText[]> {
  const cache = useRef<{ doc: PDFDocumentProxy; texts: Promise<PageText[]> } | null>(null);
  return () => {
    if (!pdf) return Promise.resolve([]);
    if (cache.current?.doc !== pdf.doc) {
      const texts = Promise.all(
        pdf.sizes.map(async (_s, i) => {
          const content = await (await pdf.doc.getPage(i + 1)).getTextContent();
          return pageText(content.items.filter((it): it is { str: string; hasEOL: boolean } & typeof it => 'str' in it));
        }),
      );
      cache.current = { doc: pdf.doc, texts };
    }
    return cache.current.texts;
  };
}
