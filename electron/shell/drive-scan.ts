// Gathers what the OS says about mounted drives and hands it to the pure interpreter.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { foldersToList, listRemovableDrives, type DriveListing, type RemovableDrive } from './removable-drives.js';

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 4000, windowsHide: true }, (err, stdout) => resolve(err ? '' : stdout));
  });
}

export async function scanRemovableDrives(): Promise<RemovableDrive[]> {
  const platform = process.platform;
  const user = os.userInfo().username;
  const listing: DriveListing = { platform, user, dirs: {} };
  for (const folder of foldersToList(platform, user)) {
    try {
      listing.dirs[folder] = await readdir(folder);
    } catch {
      // Folder absent: no drives mounted there.
    }
  }
  if (platform === 'win32') {
    listing.windowsDisks = await run('powershell.exe', [
      '-NoProfile',
      '-Command',
      'Get-CimInstance Win32_LogicalDisk | ForEach-Object { "$($_.DeviceID) $($_.DriveType)" }',
    ]);
  }
  return listRemovableDrives(listing);
}
