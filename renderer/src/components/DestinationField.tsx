// Where to write (an export, a backup): a native dialog in Electron, the host's folder chooser in
// the browser. Holds a ChosenPath — the grant the service needs and the path to show — never a
// path typed into a text field.
import { useState } from 'react';
import type { ExportDestinationKind } from '../../../shared/cases.js';
import type { ChosenPath } from '../../../shared/path-params.js';
import { useBridge } from '../bridge-context.js';
import { FolderChooser } from './FolderChooser.js';

export const DEFAULT_ZIP_NAME = 'second-opinion.zip';

export function DestinationField({ id, label, kind, value, onChange }: {
  id: string;
  label: string;
  kind: ExportDestinationKind;
  value: ChosenPath | null;
  onChange: (chosen: ChosenPath) => void;
}) {
  const bridge = useBridge();
  const [choosing, setChoosing] = useState(false);
  async function choose() {
    if (bridge.folders) return setChoosing(true);
    const chosen = await bridge.pickExportDestination(kind);
    if (chosen) onChange(chosen);
  }
  return (
    <>
      <p className="field-label" id={`${id}-label`}>{label}</p>
      <div className="row tight">
        <output id={id} className={`grow mono chosen${value ? '' : ' empty'}`} aria-labelledby={`${id}-label`}>{value ? value.label : 'Nothing chosen yet'}</output>
        <button type="button" onClick={() => void choose()} aria-describedby={`${id}-label`}>{value ? 'Change…' : 'Choose…'}</button>
      </div>
      {choosing && bridge.folders && (
        <FolderChooser
          folders={bridge.folders}
          title={kind === 'zip' ? 'Where to save the zip file' : 'Choose the USB stick or folder'}
          purpose="write"
          {...(kind === 'zip' ? { fileName: DEFAULT_ZIP_NAME } : {})}
          onCancel={() => setChoosing(false)}
          onChosen={(chosen) => {
            setChoosing(false);
            onChange(chosen);
          }}
        />
      )}
    </>
  );
}
