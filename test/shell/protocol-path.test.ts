import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { mimeTypeFor, resolveAppUrl, resolveRendererPath } from '../../electron/shell/protocol-path.js';
import { existsSync, realpathSync } from 'node:fs';
import { resolveVendorFile } from '../../electron/shell/vendor-files.js';
import { PDF_LIBRARY_PATH, PDF_WORKER_PATH } from '../../shared/vendor-paths.js';

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

describe('vendor files (package files the renderer loads by URL)', () => {
  it('maps exactly the listed paths to the shipped package files, nothing else', () => {
    const worker = resolveVendorFile(`/${PDF_WORKER_PATH}`);
    expect(worker).toBe(realpathSync(path.resolve('node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs')));
    expect(existsSync(worker!)).toBe(true);
    expect(resolveVendorFile(`/${PDF_LIBRARY_PATH}`)).toBe(realpathSync(path.resolve('node_modules/pdfjs-dist/legacy/build/pdf.min.mjs')));
    for (const p of ['/vendor/pdf.mjs', '/vendor/../package.json', '/vendor/', '/vendor/pdf.worker.min.mjs/..', '/VENDOR/pdf.worker.min.mjs', '/__proto__', '/constructor']) {
      expect(resolveVendorFile(p), p).toBeNull();
    }
  });
});
