// The folder chooser's words for a refusal: from its problem code, never from the message.
import { FOLDER_PROBLEMS, type FolderProblem } from '../../../../shared/folders.js';
import { isApiErrorShape } from '../../../../shared/errors.js';
import { describeFolderProblem } from '../../../../shared/words/folders.js';
import { errorMessage } from '../../bridge-context.js';

export function problemText(err: unknown): string {
  const details = isApiErrorShape(err) ? err.details : undefined;
  const problem = details?.['problem'];
  const where = typeof details?.['path'] === 'string' ? details['path'] : undefined;
  return (FOLDER_PROBLEMS as readonly unknown[]).includes(problem) ? describeFolderProblem(problem as FolderProblem, where) : errorMessage(err);
}
