// URL paths (relative to the renderer page) of files the renderer loads from packages the app
// already ships, served from there rather than copied into the renderer bundle
// (electron/shell/vendor-files.ts maps each to its package file).

/** pdf.js and its worker: the same legacy build the core's text extraction uses. */
export const PDF_LIBRARY_PATH = 'vendor/pdf.min.mjs';
export const PDF_WORKER_PATH = 'vendor/pdf.worker.min.mjs';
