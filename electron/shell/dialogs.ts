// Native pickers for import sources and export destinations, opening on a removable drive when
// one is plugged in (a hospital CD, a USB stick for the doctor).
import { dialog, type BrowserWindow } from 'electron';
import type { ExportDestinationKind } from '../../shared/cases.js';
import { scanRemovableDrives } from './drive-scan.js';

async function firstDrive(): Promise<string | undefined> {
  return (await scanRemovableDrives())[0]?.path;
}

export async function pickImportSources(win: BrowserWindow): Promise<string[] | null> {
  const defaultPath = await firstDrive();
  let properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>;
  if (process.platform === 'darwin') {
    properties = ['openFile', 'openDirectory', 'multiSelections'];
  } else {
    // Windows and Linux pickers cannot select files and folders at once: ask which.
    const choice = await dialog.showMessageBox(win, {
      type: 'question',
      buttons: ['Choose files…', 'Choose a folder, CD or USB stick…', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      title: 'Add records',
      message: 'What would you like to add?',
      detail: 'Pick single files (PDFs, photos, zips), or a whole folder such as a hospital CD.',
    });
    if (choice.response === 2) return null;
    properties = choice.response === 0 ? ['openFile', 'multiSelections'] : ['openDirectory'];
  }
  const result = await dialog.showOpenDialog(win, { title: 'Add records', defaultPath, properties });
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

export async function pickExportDestination(win: BrowserWindow, kind: ExportDestinationKind): Promise<string | null> {
  const drive = await firstDrive();
  if (kind === 'zip') {
    const result = await dialog.showSaveDialog(win, {
      title: 'Save the bundle as a zip file',
      defaultPath: drive ? `${drive}/second-opinion.zip` : 'second-opinion.zip',
      filters: [{ name: 'Zip archive', extensions: ['zip'] }],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const result = await dialog.showOpenDialog(win, {
    title: 'Choose the USB stick or folder for the bundle',
    defaultPath: drive,
    properties: ['openDirectory', 'createDirectory'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
