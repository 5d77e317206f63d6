// One policy for every secret a person chooses (shared/passphrase-policy.ts): the vault core, the CLI
// and a zip password refuse the same things with the same words.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { checkPassphrase, MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../shared/passphrase-policy.js';
import { Vault } from '../../electron/core/vault/vault.js';
import { FAST_KDF, tempDir } from '../helpers/temp-vault.js';
import { dossier } from '../helpers/cli.js';

const WEAK: [string, 'too-short' | 'too-predictable'][] = [
  ['a', 'too-short'],
  ['nine char', 'too-short'],
  ['aaaaaaaaaaaa', 'too-predictable'],
  ['1212121212121', 'too-predictable'],
  ['password2024!', 'too-predictable'],
  ['Qwerty123456', 'too-predictable'],
];

describe('the passphrase policy', () => {
  it.each(WEAK)('refuses %j as %s, with a strength of 0', (secret, problem) => {
    const verdict = checkPassphrase(secret);
    expect(verdict.ok ? null : verdict.problem).toBe(problem);
    expect(passphraseStrength(secret).score).toBe(0);
  });

  it('accepts a few unrelated words, and rates longer ones stronger', () => {
    expect(checkPassphrase('blue harbour quiet').ok).toBe(true);
    expect(passphraseStrength('blue harbour quiet morning').score).toBeGreaterThan(passphraseStrength('harbour q1').score);
    expect([...'harbour q1'].length).toBe(MIN_PASSPHRASE_LENGTH);
  });

  it.each(WEAK)('the vault refuses %j with the policy’s own words', async (secret) => {
    const verdict = checkPassphrase(secret);
    const error = await Vault.create(path.join(tempDir(), 'v'), secret, { kdfCost: FAST_KDF }).then(
      () => null,
      (e: { code?: string; message?: string }) => e,
    );
    expect(error?.code).toBe('invalid-params');
    expect(error?.message).toContain(verdict.ok ? '' : verdict.message);
  });

  it('the CLI says the same when creating a vault', () => {
    const verdict = checkPassphrase('password2024!');
    const res = dossier(['init', '--vault', path.join(tempDir(), 'v')], { DOSSIER_PASSPHRASE: 'password2024!' });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain(verdict.ok ? '' : verdict.message);
  });
});
