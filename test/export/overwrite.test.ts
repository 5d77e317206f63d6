// Exporting again to the same USB stick: refused unless --overwrite; with it the old bundle is
// replaced and the person's own files on the stick are kept.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildScenario, type Scenario } from './scenario.js';

describe('export --overwrite', () => {
  let s: Scenario;
  let stick: string;
  beforeAll(async () => {
    s = await buildScenario();
    stick = path.join(s.root, 'stick');
    mkdirSync(stick);
    writeFileSync(path.join(stick, 'holiday.jpg'), 'not part of the bundle');
    expect(s.run(['export', '--case', s.caseId, '--out', stick]).status).toBe(0);
  });

  it('refuses to replace an existing bundle without --overwrite', () => {
    const manifest = readFileSync(path.join(stick, 'MANIFEST.TXT'));
    const res = s.run(['export', '--case', s.caseId, '--out', stick]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/already holds a bundle/);
    expect(readFileSync(path.join(stick, 'MANIFEST.TXT')).equals(manifest)).toBe(true);
  });

  it('replaces it with --overwrite, keeps other files, and verifies', () => {
    const res = s.run(['export', '--case', s.caseId, '--out', stick, '--overwrite']);
    expect(res.status, res.stderr).toBe(0);
    expect(readFileSync(path.join(stick, 'holiday.jpg'), 'utf8')).toBe('not part of the bundle');
    expect(s.run(['verify', stick]).stdout).toMatch(/^bundle ok/);
    expect(JSON.parse(s.run(['case', 'show', s.caseId, '--json']).stdout).shares).toHaveLength(2);
  });
});
