// Removable drives to offer first in export/import dialogs. The listing is gathered by the caller
// (readdir, wmic/PowerShell output) and interpreted here, so the logic is tested on every OS.

export interface DriveListing {
  platform: NodeJS.Platform;
  /** The login name, for /media/$USER and /run/media/$USER. */
  user: string;
  /** Folder → entries, for the folders we looked in ('/media/jane', '/Volumes', …). Missing = not present. */
  dirs: Record<string, string[]>;
  /** Windows: output of `Get-CimInstance Win32_LogicalDisk | … DeviceID,DriveType` or `wmic logicaldisk get deviceid,drivetype`. */
  windowsDisks?: string;
  /** macOS: the name of the system volume under /Volumes (usually "Macintosh HD"). */
  macSystemVolume?: string;
}

export interface RemovableDrive {
  path: string;
  label: string;
}

export function foldersToList(platform: NodeJS.Platform, user: string): string[] {
  if (platform === 'darwin') return ['/Volumes'];
  if (platform === 'linux') return [`/media/${user}`, `/run/media/${user}`];
  return [];
}

export function listRemovableDrives(listing: DriveListing): RemovableDrive[] {
  const { platform } = listing;
  if (platform === 'win32') return parseWindowsDisks(listing.windowsDisks ?? '');
  const drives: RemovableDrive[] = [];
  for (const folder of foldersToList(platform, listing.user)) {
    for (const name of listing.dirs[folder] ?? []) {
      if (name.startsWith('.')) continue;
      if (platform === 'darwin' && (name === (listing.macSystemVolume ?? 'Macintosh HD') || name === 'Macintosh HD - Data')) continue;
      drives.push({ path: `${folder}/${name}`, label: name });
    }
  }
  return drives.sort((a, b) => a.label.localeCompare(b.label));
}

/** DriveType 2 = removable disk. Accepts "E: 2" style rows from wmic or PowerShell (either column order). */
export function parseWindowsDisks(output: string): RemovableDrive[] {
  const drives: RemovableDrive[] = [];
  for (const line of output.split(/\r?\n/)) {
    const letter = /\b([A-Za-z]):/.exec(line)?.[1];
    const type = /(?:^|\s)(\d+)(?:\s|$)/.exec(line.replace(/\b[A-Za-z]:/, ' '))?.[1];
    if (letter && type === '2') drives.push({ path: `${letter.toUpperCase()}:\\`, label: `Removable drive (${letter.toUpperCase()}:)` });
  }
  return drives;
}
