// The packages a built bundle loads at run time: the bare specifiers esbuild left external
// (require, require.resolve, import(), import … from), without Node built-ins and 'electron'.
import { builtinModules } from 'node:module';

// A package name (npm names are lower case), optionally scoped, optionally with a subpath.
const SPECIFIER = /\b(?:require(?:\.resolve)?\(|import\(|from)\s*["']((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.@/-]*)?)["']/g;
const BUILTINS = new Set(builtinModules);

/** Whole-line comments of bundled libraries may read like imports ("from 'in'"): not code. */
const LINE_COMMENT = /^\s*\/\/.*$/gm;

export function externalSpecifiers(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.replace(LINE_COMMENT, '').matchAll(SPECIFIER)) {
    const spec = m[1]!;
    if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!) || spec === 'electron') continue;
    found.add(spec);
  }
  return [...found].sort();
}
