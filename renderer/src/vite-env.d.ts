// Modules made by the renderer build (build/vite.renderer.config.ts).
declare module 'virtual:pdfjs-wasm/*' {
  /** The WebAssembly file, gzipped, base64. */
  const base64: string;
  export default base64;
}
