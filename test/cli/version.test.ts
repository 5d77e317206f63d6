import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { APP_VERSION } from '../../electron/core/base/app-version.js';

describe('app version', () => {
  it('written into bundles matches package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
