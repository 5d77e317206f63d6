import { describe, expect, it } from 'vitest';
import { listRemovableDrives, parseWindowsDisks } from '../../electron/shell/removable-drives.js';

describe('removable drives', () => {
  it('lists /media/$USER and /run/media/$USER on Linux, skipping hidden entries', () => {
    const drives = listRemovableDrives({
      platform: 'linux',
      user: 'jane',
      dirs: { '/media/jane': ['USB STICK', '.hidden'], '/run/media/jane': ['HOSPITAL_CD'], '/media/bob': ['NOT_MINE'] },
    });
    expect(drives).toEqual([
      { path: '/run/media/jane/HOSPITAL_CD', label: 'HOSPITAL_CD' },
      { path: '/media/jane/USB STICK', label: 'USB STICK' },
    ]);
  });

  it('lists /Volumes on macOS except the system volume', () => {
    const drives = listRemovableDrives({ platform: 'darwin', user: 'jane', dirs: { '/Volumes': ['Macintosh HD', 'Macintosh HD - Data', 'KINGSTON'] } });
    expect(drives).toEqual([{ path: '/Volumes/KINGSTON', label: 'KINGSTON' }]);
    const renamed = listRemovableDrives({ platform: 'darwin', user: 'j', macSystemVolume: 'System', dirs: { '/Volumes': ['System', 'CD'] } });
    expect(renamed.map((d) => d.label)).toEqual(['CD']);
  });

  it('keeps only DriveType 2 on Windows, from wmic or PowerShell output', () => {
    const wmic = 'DeviceID  DriveType  \r\nC:        3          \r\nD:        5          \r\nE:        2          \r\n';
    expect(parseWindowsDisks(wmic)).toEqual([{ path: 'E:\\', label: 'Removable drive (E:)' }]);
    expect(listRemovableDrives({ platform: 'win32', user: 'j', dirs: {}, windowsDisks: 'C: 3\nf: 2\nG: 2\n' }).map((d) => d.path)).toEqual(['F:\\', 'G:\\']);
    expect(parseWindowsDisks('')).toEqual([]);
  });

  it('finds nothing when no folders are present', () => {
    expect(listRemovableDrives({ platform: 'linux', user: 'jane', dirs: {} })).toEqual([]);
  });
});
