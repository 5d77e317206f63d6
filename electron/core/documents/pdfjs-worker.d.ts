// pdfjs-dist ships no typings for its worker entry; only the handler is used (fake worker in Node).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
