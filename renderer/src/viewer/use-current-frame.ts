// The frame for the image the person asked for, and the neighbours fetched ahead in the direction
// they are scrolling. While a frame is on its way the previous one stays on screen (no flicker);
// what is drawn is always labelled with its own image number.
import { useEffect, useState } from 'react';
import type { FrameResult, ImageRef } from '../../../shared/imaging/series.js';
import { errorMessage } from '../bridge-context.js';
import type { FrameLoader } from './frame-loader.js';

/** Images fetched ahead in the scrolling direction, and behind. */
const AHEAD = 10;
const BEHIND = 3;

export interface Shown {
  index: number;
  result: FrameResult;
}

function neighbours(images: ImageRef[], index: number, direction: 1 | -1): ImageRef[] {
  const out: ImageRef[] = [];
  for (let k = 1; k <= AHEAD; k++) out.push(images[index + direction * k] as ImageRef);
  for (let k = 1; k <= BEHIND; k++) out.push(images[index - direction * k] as ImageRef);
  return out.filter(Boolean);
}

export function useCurrentFrame(loader: FrameLoader, images: ImageRef[], index: number, direction: 1 | -1): { shown: Shown | null; failure: string | null } {
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const ref = images[index];
    if (!ref) return;
    let live = true;
    const hit = loader.cached(ref);
    if (hit) setShown({ index, result: hit });
    else
      loader.load(ref).then(
        (result) => {
          if (live) {
            setShown({ index, result });
            setFailure(null);
          }
        },
        (err: unknown) => live && setFailure(errorMessage(err)),
      );
    loader.prefetch(neighbours(images, index, direction));
    return () => {
      live = false;
    };
  }, [loader, images, index, direction]);
  return { shown, failure };
}
