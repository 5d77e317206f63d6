// "Add records…" and "Add a folder…": Electron's native dialog, or in the browser the hidden file
// inputs (the folder one walks the folder: webkitdirectory).
import { useCallback, useEffect, useRef } from 'react';
import { useBridge } from '../bridge-context.js';
import type { ImportState } from '../components/useImport.js';

export function useAddRecords(imports: Pick<ImportState, 'importFiles' | 'importPaths'>) {
  const bridge = useBridge();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useEffect(() => folderInput.current?.setAttribute('webkitdirectory', ''), []);

  const addRecords = async () => {
    if (bridge.platform === 'electron') {
      const chosen = await bridge.pickImportSources();
      if (chosen) await imports.importPaths(chosen.map((c) => c.grant));
    } else fileInput.current?.click();
  };
  const addFolder = () => folderInput.current?.click();
  const { importFiles } = imports;
  const onDropped = useCallback((files: File[]) => void importFiles(files), [importFiles]);
  const onPicked = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length > 0) void importFiles(files);
  };
  return { fileInput, folderInput, addRecords, addFolder, onDropped, onPicked };
}
