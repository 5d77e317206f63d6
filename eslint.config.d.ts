// Types for what the layering test imports from eslint.config.js.
export declare const CORE_LAYERS: string[][];
declare const config: unknown[];
export default config;
