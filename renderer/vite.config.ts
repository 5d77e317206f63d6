// Builds the React UI to dist/renderer with relative asset URLs (served from app://dossier/ and
// from the loopback browser host alike). No inline scripts or styles: the CSP forbids them.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer', // relative to root (renderer/)
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
