import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { mimeTypeFor, resolveAppUrl, resolveRendererPath } from '../../electron/shell/protocol-path.js';

const root = path.resolve('/opt/dossier/renderer');

describe('renderer path resolver', () => {
  it('maps app://dossier/ paths inside the renderer folder', () => {
    expect(resolveAppUrl(root, 'app://dossier/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://dossier/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://dossier/assets/index-abc.js?x=1#y')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppUrl(root, 'app://dossier/assets/my%20file.css')).toBe(path.join(root, 'assets', 'my file.css'));
  });

  it('refuses traversal in every disguise', () => {
    for (const p of ['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/..%2fetc%2fpasswd', '/assets%2f..%2f..%2fsecret', '/..%5c..%5cwin.ini', '/a\\..\\..\\b', '/C:/Windows/win.ini', '/%00index.html', '/%E0%A4%A']) {
      expect(resolveRendererPath(root, p), p).toBeNull();
    }
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppUrl(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppUrl(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'https://dossier/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'not a url')).toBeNull();
  });

  it('gives the right content types', () => {
    expect(mimeTypeFor('a/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('x.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('x.bin')).toBe('application/octet-stream');
  });
});
