// The only module allowed to call shell.openExternal (checked by test/shell/security-scan.test.ts).
import { shell } from 'electron';
import { isAllowedExternalUrl } from './request-policy.js';

export async function openExternalIfAllowed(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
