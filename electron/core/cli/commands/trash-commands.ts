// dossier delete | restore | empty-trash: records go to the trash first; emptying it is final.
import { deleteRecord, restoreRecord, emptyTrash, getRecord } from '../../records/record-store.js';
import { DossierError } from '../../base/errors.js';
import { withVault, print, type Options } from '../context.js';

export async function deleteCommand(options: Options, ids: string[]): Promise<number> {
  if (!ids.length) throw new DossierError('invalid-params', 'Say which records: dossier delete ID...');
  return withVault(options, async (vault) => {
    for (const id of ids) {
      const title = getRecord(vault.db, id).title;
      deleteRecord(vault.db, id);
      print(`moved to the trash: ${id} "${title}" (dossier restore ${id} brings it back)`);
    }
    return 0;
  });
}

export async function restoreCommand(options: Options, ids: string[]): Promise<number> {
  if (!ids.length) throw new DossierError('invalid-params', 'Say which records: dossier restore ID...');
  return withVault(options, async (vault) => {
    for (const id of ids) {
      restoreRecord(vault.db, id);
      print(`restored: ${id}`);
    }
    return 0;
  });
}

export async function emptyTrashCommand(options: Options): Promise<number> {
  return withVault(options, async (vault) => {
    const purged = emptyTrash(vault.db);
    const { orphans } = vault.sweep();
    print(`deleted for good: ${purged} record(s), ${orphans} stored file(s) no longer needed`);
    return 0;
  });
}
