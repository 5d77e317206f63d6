// "Remember on this computer" is offered only where the OS keeps the key in a real secret store:
// on Linux without a keyring Electron falls back to `basic_text` (a fixed key), which is not one.
import { describe, it, expect } from 'vitest';
import { rememberSupport } from '../../electron/shell/remember-policy.js';

describe('remember-passphrase policy', () => {
  it('offers it with a real secret store', () => {
    expect(rememberSupport({ encryptionAvailable: true, platform: 'darwin' })).toEqual({ available: true });
    expect(rememberSupport({ encryptionAvailable: true, platform: 'win32' })).toEqual({ available: true });
    expect(rememberSupport({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'gnome_libsecret' })).toEqual({ available: true });
    expect(rememberSupport({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'kwallet5' })).toEqual({ available: true });
  });
  it('refuses the basic_text fallback and unknown backends, although "encryption is available"', () => {
    for (const linuxBackend of ['basic_text', 'unknown', undefined])
      expect(rememberSupport({ encryptionAvailable: true, platform: 'linux', ...(linuxBackend ? { linuxBackend } : {}) })).toEqual({ available: false, reason: 'no-secret-store' });
    expect(rememberSupport({ encryptionAvailable: false, platform: 'darwin' })).toEqual({ available: false, reason: 'no-secret-store' });
  });
});
