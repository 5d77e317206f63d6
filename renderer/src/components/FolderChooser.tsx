// Browser mode's folder chooser (a page has no native dialog and must never send a path): the
// host lists removable drives first, then the home folder; the person opens folders, makes one,
// or types a whole path, and chooses. The result is a grant (shared/path-params.ts) and a label.
// The parts are in folder-chooser/.
import { useState } from 'react';
import type { ChosenPath, PathPurpose } from '../../../shared/path-params.js';
import type { FolderChooserBridge } from '../../../shared/api.js';
import { Dialog } from './Dialog.js';
import { FolderView } from './folder-chooser/FolderView.js';
import { Places, TypedPath } from './folder-chooser/Places.js';
import { useFolderChooser } from './folder-chooser/useFolderChooser.js';

export function FolderChooser({ folders, title, purpose, fileName, onChosen, onCancel }: {
  folders: FolderChooserBridge;
  title: string;
  purpose: PathPurpose;
  /** Set to save a file (a zip) in the chosen folder: the name, editable. */
  fileName?: string;
  onChosen: (chosen: ChosenPath) => void;
  onCancel: () => void;
}) {
  const chooser = useFolderChooser(folders, purpose);
  const { listing, error } = chooser;
  const [name, setName] = useState(fileName ?? '');
  const open = (handle: string) => void chooser.open(handle);
  const savingFile = fileName !== undefined;

  return (
    <Dialog title={title} onClose={onCancel}>
      <div className="chooser">
        <Places places={chooser.places} onOpen={open} />
        {listing && <FolderView listing={listing} onOpen={open} onCreate={chooser.create} />}
        <TypedPath onGo={(typed) => void chooser.openTyped(typed)} />
        {savingFile && (
          <>
            <label htmlFor="fc-name">File name</label>
            <input id="fc-name" value={name} onChange={(e) => setName(e.target.value)} />
          </>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row">
          <button type="button" className="primary" disabled={!listing || (savingFile && !name.trim())} onClick={() => void chooser.choose(savingFile ? name : undefined, onChosen)}>
            {savingFile ? 'Save here' : 'Use this folder'}
          </button>
          <button type="button" onClick={onCancel}>Cancel</button>
        </div>
      </div>
    </Dialog>
  );
}
