// Words for the folder chooser's problems and for a refused path, for the app.
import type { FolderProblem } from '../folders.js';

export function describeFolderProblem(problem: FolderProblem, path?: string): string {
  const where = path ? ` (${path})` : '';
  switch (problem) {
    case 'relative-path':
      return 'Type the whole path, starting from the top of the drive (for example /media/you/USB or E:\\).';
    case 'missing-folder':
      return `There is no such folder${where}. Check the spelling, or choose it from the list.`;
    case 'not-a-folder':
      return `That is a file, not a folder${where}. Choose the folder it is in.`;
    case 'permission-denied':
      return `Dossier is not allowed to open that folder${where}.`;
    case 'not-writable':
      return `Nothing can be written into that folder${where} (read-only, or no permission). Choose another one, such as your USB stick.`;
    case 'bad-name':
      return 'That name cannot be used: use letters, numbers, spaces, dots, dashes or underscores, and no slashes.';
    case 'exists':
      return 'There is already something with that name here.';
    case 'unknown-folder':
      return 'That folder is no longer available. Please choose again.';
  }
}
