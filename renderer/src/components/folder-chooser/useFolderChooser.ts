// The folder chooser's state: the places (drives, home), the open folder, and the host calls that
// open, make and choose folders; a refusal is shown in words.
import { useEffect, useState } from 'react';
import type { FolderChooserBridge } from '../../../../shared/api.js';
import type { FolderListing, FolderPlace } from '../../../../shared/folders.js';
import type { ChosenPath, PathPurpose } from '../../../../shared/path-params.js';
import { problemText } from './problem-text.js';

export interface FolderChooserState {
  places: FolderPlace[];
  listing: FolderListing | null;
  error: string | null;
  open(handle: string): Promise<void>;
  /** Opens a folder by the whole path typed. */
  openTyped(typed: string): Promise<void>;
  /** Makes a folder in the open one and opens it; true when it was made. */
  create(name: string): Promise<boolean>;
  /** Chooses the open folder (with the file name, when saving a file). */
  choose(fileName: string | undefined, onChosen: (chosen: ChosenPath) => void): Promise<void>;
}

export function useFolderChooser(folders: FolderChooserBridge, purpose: PathPurpose): FolderChooserState {
  const [places, setPlaces] = useState<FolderPlace[]>([]);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);

  const attempt = async (job: () => Promise<void>): Promise<boolean> => {
    setError(null);
    try {
      await job();
      return true;
    } catch (err) {
      setError(problemText(err));
      return false;
    }
  };
  useEffect(() => void attempt(async () => setPlaces(await folders.call('folders.places', {}))), [folders]);

  return {
    places,
    listing,
    error,
    open: async (handle) => void (await attempt(async () => setListing(await folders.call('folders.list', { handle })))),
    openTyped: async (typed) => void (await attempt(async () => setListing(await folders.call('folders.open', { typed })))),
    create: (name) => (listing ? attempt(async () => setListing(await folders.call('folders.create', { handle: listing.handle, name }))) : Promise.resolve(false)),
    choose: async (fileName, onChosen) => {
      if (!listing) return;
      await attempt(async () => onChosen(await folders.call('folders.choose', { handle: listing.handle, purpose, ...(fileName !== undefined ? { fileName } : {}) })));
    },
  };
}
