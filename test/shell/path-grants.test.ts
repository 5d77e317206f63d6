// Paths are opaque grants: the transports accept for a path param only a grant issued for what a
// native dialog, a drop or the host's folder chooser returned, swap it for the real path, and refuse
// anything else (shared/path-params.ts is the one list of path params).
import { describe, expect, it } from 'vitest';
import { PathGrants } from '../../electron/shell/path-grants.js';
import { PATH_PARAMS } from '../../shared/path-params.js';

function refusal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a refusal');
}

describe('path grants', () => {
  it('issues unguessable grants for absolute paths and swaps them back', () => {
    const grants = new PathGrants();
    const a = grants.issue('/media/jane/USB', 'write');
    const b = grants.issue('/media/jane/USB', 'write');
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThan(40);
    expect(grants.swapParams('export.run', { caseId: 'c', destination: { kind: 'folder', path: a } })).toEqual({ caseId: 'c', destination: { kind: 'folder', path: '/media/jane/USB' } });
    expect(() => grants.issue('my usb stick', 'write')).toThrow(/absolute/);
  });

  it('refuses a raw path in every path param, as data the app can word', () => {
    const grants = new PathGrants();
    const raw: Record<keyof typeof PATH_PARAMS, unknown> = {
      'import.paths': { paths: ['/etc/passwd'] },
      'export.run': { destination: { kind: 'folder', path: 'my usb stick' } },
      'export.verify': { path: '/proc/forbidden' },
      'vault.backup': { destination: '/tmp' },
    };
    for (const [method, params] of Object.entries(raw)) {
      expect(refusal(() => grants.swapParams(method, params)), method).toMatchObject({ shape: { code: 'invalid-params', details: { problem: 'raw-path' } } });
    }
  });

  it('refuses a grant it never issued, and a read grant where something is written', () => {
    const grants = new PathGrants();
    const other = new PathGrants().issue('/tmp/x', 'write');
    expect(refusal(() => grants.swapParams('vault.backup', { destination: other }))).toMatchObject({ shape: { details: { problem: 'unknown-grant' } } });
    const read = grants.issue('/media/cd', 'read');
    expect(refusal(() => grants.swapParams('vault.backup', { destination: read }))).toMatchObject({ shape: { details: { problem: 'wrong-purpose' } } });
    // A destination chosen for writing may be read back (verified).
    const write = grants.issue('/media/usb', 'write');
    expect(grants.swapParams('export.verify', { path: write })).toEqual({ path: '/media/usb' });
  });

  it('leaves other methods and params alone', () => {
    const grants = new PathGrants();
    expect(grants.swapParams('records.list', { search: '/etc/passwd' })).toEqual({ search: '/etc/passwd' });
  });
});
