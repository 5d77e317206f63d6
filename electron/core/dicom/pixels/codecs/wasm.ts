// Loads the codec packages' Emscripten builds. Each is compiled once, on first use, and
// synchronously (so callers such as thumbnails need no await): the .wasm file is read by path
// from node_modules and instantiated with WebAssembly.Module/Instance. A module that threw is
// dropped, because an aborted Emscripten runtime cannot be trusted for the next frame.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A package's glue script and its .wasm, as package export specifiers. */
export interface WasmCodec {
  js: string;
  wasm: string;
}

/** Every Embind object owns WASM memory until deleted. */
export interface EmbindObject {
  delete(): void;
}

export interface CodecFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned?: boolean;
  isUsingColorTransform?: boolean;
}

// CommonJS bundles (the Electron service worker) have __filename; ES modules have import.meta.url.
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
const loaded = new Map<string, object>();

type Factory = (args: Record<string, unknown>) => unknown;

/** Absolute path of a codec file inside node_modules (what packaging must ship). */
export function codecFilePath(specifier: string): string {
  return requireHere.resolve(specifier);
}

function instantiate(codec: WasmCodec): object {
  const factory: unknown = requireHere(codec.js);
  if (typeof factory !== 'function') throw new Error(`${codec.js} is not an Emscripten factory`);
  const binary = readFileSync(codecFilePath(codec.wasm));
  const module: Record<string, unknown> = {
    print: () => undefined, // the codecs log to stdout; their failures reach us as results
    printErr: () => undefined,
    instantiateWasm(imports: WebAssembly.Imports, done: (i: WebAssembly.Instance, m: WebAssembly.Module) => void) {
      const compiled = new WebAssembly.Module(binary);
      const instance = new WebAssembly.Instance(compiled, imports);
      done(instance, compiled);
      return instance.exports;
    },
  };
  // Emscripten fills `module` in place; with a synchronous instantiateWasm it is ready on return.
  (factory as Factory)(module);
  return module;
}

export function wasmModule<T extends object>(codec: WasmCodec, ready: (m: object) => m is T): T {
  let module = loaded.get(codec.js);
  if (!module) {
    module = instantiate(codec);
    loaded.set(codec.js, module);
  }
  if (!ready(module)) throw new Error(`${codec.js} did not initialise`);
  return module;
}

/** Runs one codec call on a fresh object, always deleting it; a throw drops the whole module. */
export function withCodec<O extends EmbindObject, R>(codec: WasmCodec, create: () => O, use: (o: O) => R): R {
  let object: O | undefined;
  try {
    object = create();
    return use(object);
  } catch (e) {
    loaded.delete(codec.js);
    throw e;
  } finally {
    try {
      object?.delete();
    } catch {
      loaded.delete(codec.js);
    }
  }
}
