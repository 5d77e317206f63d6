// Where the vault lives by default: the same folder the desktop app uses (Electron's userData
// for the app name "Dossier", plus /vault), so the CLI and the app see the same records.
import os from 'node:os';
import path from 'node:path';

export function defaultUserDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Dossier');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Dossier');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Dossier');
  }
}

export function defaultVaultDir(): string {
  return path.join(defaultUserDataDir(), 'vault');
}
