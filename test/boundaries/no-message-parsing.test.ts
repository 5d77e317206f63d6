// Outcomes and errors carry codes and fields; words are made at the edge. This scans the product
// code for the ways one module used to read another's English: string tests or regexes on a
// message, reason or problem text.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['electron', 'renderer/src', 'shared'];
const FIELD = String.raw`(?:message|reason|problem|error|detail|stderr)`;
/** `x.message.startsWith(…)`, `/…/.test(err.message)`, `String(e).includes(…)`, `describe…(…).match(…)`. */
const PARSING = new RegExp(
  [
    String.raw`\.${FIELD}\??\.(?:startsWith|endsWith|includes|match|matchAll|replace|replaceAll|split|search|indexOf)\(`,
    String.raw`\.(?:test|exec)\([^)]*\.${FIELD}\b`,
    String.raw`String\((?:e|err|error)\)\.(?:startsWith|includes|match)\(`,
  ].join('|'),
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sources(p);
    return /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe('no module parses another module\'s wording', () => {
  it('the pattern catches the forms it looks for (so the scan below can fail)', () => {
    for (const line of [
      "if (outcome.reason.startsWith('DICOMDIR:')) {",
      'const [head] = err.message.split("\\n  ");',
      "if (/not enough space/.test(error.message)) return 'full';",
      "return String(e).includes('ENOENT');",
    ])
      expect(line).toMatch(PARSING);
    expect("if (error.code === 'disk-full') return 'full';").not.toMatch(PARSING);
  });

  it('finds none of them in electron/, renderer/src/ or shared/', () => {
    const hits = ROOTS.flatMap((root) =>
      sources(root).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (PARSING.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      ),
    );
    expect(hits).toEqual([]);
  });
});
