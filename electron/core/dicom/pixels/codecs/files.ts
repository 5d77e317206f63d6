// The WASM codecs the app loads at run time (glue script + .wasm, as package specifiers):
// packaging must ship these files from node_modules. JPEG Lossless is plain JavaScript.
import { OPENJPH } from './htj2k.js';
import { OPENJPEG } from './j2k.js';
import { LIBJPEG_TURBO } from './jpeg.js';
import { CHARLS } from './jpeg-ls.js';
import { codecFilePath } from './wasm.js';

export const RUNTIME_CODECS = [LIBJPEG_TURBO, CHARLS, OPENJPEG, OPENJPH] as const;

/** Absolute paths of every codec file read at run time. */
export function codecFiles(): string[] {
  return RUNTIME_CODECS.flatMap((c) => [codecFilePath(c.js), codecFilePath(c.wasm)]);
}
