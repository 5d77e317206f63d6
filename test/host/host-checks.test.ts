import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAllowedHost, isAllowedOrigin, newToken, refuseReason, tokenMatches } from '../../electron/host/host-checks.js';
import { encodeUploadHeader, parseUpload, UploadFormatError } from '../../electron/host/upload-format.js';

describe('host checks', () => {
  it('makes 32-byte base64url tokens that differ per run', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(a);
  });

  it('accepts only our exact Host', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('accepts only our own Origin', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1:4000', 4000)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', 4000)).toBe(false);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
    expect(isAllowedOrigin(undefined, 4000)).toBe(false);
  });

  it('compares tokens exactly', () => {
    const t = newToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t.slice(0, -1), t)).toBe(false);
    expect(tokenMatches(`${t}x`, t)).toBe(false);
    expect(tokenMatches(undefined, t)).toBe(false);
    expect(tokenMatches(42, t)).toBe(false);
  });

  it('names the first failing check', () => {
    const ok = { host: '127.0.0.1:1', origin: 'http://127.0.0.1:1', token: 'tok' };
    expect(refuseReason(ok, 1, 'tok')).toBeNull();
    expect(refuseReason({ ...ok, host: 'a:1' }, 1, 'tok')).toMatch(/Host/);
    expect(refuseReason({ ...ok, origin: 'http://a' }, 1, 'tok')).toMatch(/Origin/);
    expect(refuseReason({ ...ok, token: 'nope' }, 1, 'tok')).toMatch(/token/);
  });
});

describe('upload framing', () => {
  const frame = (files: { name: string; data: string }[]): Uint8Array => {
    const header = encodeUploadHeader(files.map((f) => ({ name: f.name, size: Buffer.byteLength(f.data) })));
    return Buffer.concat([header, ...files.map((f) => Buffer.from(f.data))]);
  };

  it('round-trips names and bytes', () => {
    const files = parseUpload(frame([{ name: 'a.pdf', data: 'hello' }, { name: 'dir/b.dcm', data: '' }, { name: 'c', data: 'xyz' }]));
    expect(files.map((f) => [f.name, Buffer.from(f.bytes).toString()])).toEqual([['a.pdf', 'hello'], ['dir/b.dcm', ''], ['c', 'xyz']]);
  });

  it('refuses truncated, padded or malformed bodies with a clear message', () => {
    const good = frame([{ name: 'a.pdf', data: 'hello' }]);
    expect(() => parseUpload(good.subarray(0, good.length - 1))).toThrow(/cut short inside "a.pdf"/);
    expect(() => parseUpload(Buffer.concat([good, Buffer.from('!')]))).toThrow(UploadFormatError);
    expect(() => parseUpload(new Uint8Array(2))).toThrow(/empty/);
    expect(() => parseUpload(Buffer.concat([encodeUploadHeader([{ name: 'x', size: -1 }])]))).toThrow(/malformed/);
  });
});

describe('error shapes from the service', () => {
  it('unwraps ApiError-like objects and plain shapes, and hides anything else', async () => {
    const { errorShapeOf } = await import('../../electron/host/error-shape.js');
    class ApiErrorLike extends Error {
      constructor(readonly shape: { code: string; message: string }) {
        super(shape.message);
      }
    }
    expect(errorShapeOf(new ApiErrorLike({ code: 'wrong-passphrase', message: 'Wrong.' }))).toEqual({ code: 'wrong-passphrase', message: 'Wrong.' });
    expect(errorShapeOf({ code: 'locked', message: 'Locked.' })).toEqual({ code: 'locked', message: 'Locked.' });
  });

  it('never lets an unexpected error\'s words (a file path) reach the page, whatever form it takes', async () => {
    const { errorShapeOf, INTERNAL_ERROR } = await import('../../electron/host/error-shape.js');
    const secret = path.join(os.tmpdir(), `dossier-leak-${process.pid}-nowhere`, 'Psychiatry', 'secret-diagnosis.pdf');
    let fsError: unknown;
    try {
      readFileSync(secret); // a real ENOENT error: its message and .path name the file
    } catch (err) {
      fsError = err;
    }
    expect(String((fsError as Error).message)).toContain('secret-diagnosis');
    const leaky: unknown[] = [
      fsError,
      { shape: fsError }, // an ApiError-like wrapper around a raw error
      { shape: { code: 'ENOENT', message: secret } }, // a shape whose code is not one of ours
      { code: 'EACCES', message: `permission denied, open '${secret}'`, path: secret },
      `failed to open ${secret}`,
      new TypeError(`Cannot read properties of undefined (reading '${secret}')`),
    ];
    for (const err of leaky) {
      const shape = errorShapeOf(err);
      expect(shape).toEqual(INTERNAL_ERROR);
      expect(JSON.stringify(shape)).not.toContain('secret-diagnosis');
    }
    // The service side of the same path: the detail goes to the log, never into the reply.
    const { toApiError } = await import('../../electron/core/service/errors.js');
    const logged: string[] = [];
    const reply = toApiError(new Error(`disk read failed at ${secret}`), (detail) => logged.push(detail));
    expect(reply).toEqual(INTERNAL_ERROR);
    expect(logged.join('\n')).toContain('secret-diagnosis');
  });
});

describe('upload header (shared by the renderer and the host)', () => {
  it('is what the host parses', async () => {
    const { encodeUploadHeader: fromRenderer } = await import('../../shared/upload-header.js');
    const body = Buffer.concat([fromRenderer([{ name: 'CD/DICOMDIR', size: 3 }, { name: 'é.pdf', size: 2 }]), Buffer.from('abcde')]);
    expect(parseUpload(body).map((f) => [f.name, Buffer.from(f.bytes).toString()])).toEqual([['CD/DICOMDIR', 'abc'], ['é.pdf', 'de']]);
  });
});
