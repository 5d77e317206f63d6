// The questions an export can come back with: records that may be of different people, and a
// bundle already at the destination.
import type { IdentityConflict } from '../../../../shared/domain.js';
import { Dialog } from '../../components/Dialog.js';
import { IdentityConflictList } from '../../components/IdentityConflicts.js';

export function MismatchDialog({ conflicts, onBack, onExportAnyway }: { conflicts: IdentityConflict[]; onBack: () => void; onExportAnyway: () => void }) {
  return (
    <Dialog title="These records may belong to different people" role="alertdialog" onClose={onBack}>
      <p>The patient details are not the same on all the records in this case:</p>
      {conflicts.length > 0 ? <IdentityConflictList className="conflicts" conflicts={conflicts} /> : <p className="conflicts">The patient names, birth dates or IDs differ between the selected records.</p>}
      <p>Sending someone else's records to a doctor could lead to a wrong opinion, and shares their private data. If you are sure they are all the same person (for example a maiden name, or a typo at the hospital), you can export anyway.</p>
      <div className="row">
        <button type="button" className="primary" data-autofocus onClick={onBack}>Go back and check</button>
        <button type="button" onClick={onExportAnyway}>Export anyway</button>
      </div>
    </Dialog>
  );
}

export function ExistingBundleDialog({ where, onReplace, onChooseAnother }: { where: string; onReplace: () => void; onChooseAnother: () => void }) {
  return (
    <Dialog title="There is already a bundle here" role="alertdialog" onClose={onChooseAnother}>
      <p>
        <code>{where}</code> already holds a bundle made with Dossier (perhaps an earlier export for this case).
      </p>
      <p>Replacing it writes the new bundle in its place. Your other files there are not touched, and if anything goes wrong the old bundle is put back.</p>
      <div className="row">
        <button type="button" className="primary" data-autofocus onClick={onReplace}>Replace the old bundle</button>
        <button type="button" onClick={onChooseAnother}>Choose another place</button>
      </div>
    </Dialog>
  );
}
