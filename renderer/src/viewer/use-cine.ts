// Cine: plays through the images at a chosen speed, looping. It moves on only once the image it
// showed last is on screen, so a slow fetch slows the loop instead of skipping images unseen.
import { useEffect, useRef, useState } from 'react';

export function useCinePlayback(count: number, index: number, shownIndex: number, go: (i: number) => void) {
  const [playing, setPlaying] = useState(false);
  const [fps, setFps] = useState(15);
  const latest = useRef({ index, shownIndex, go });
  latest.current = { index, shownIndex, go };
  useEffect(() => {
    if (!playing || count < 2) return;
    const timer = setInterval(() => {
      const { index: i, shownIndex: s, go: move } = latest.current;
      if (s === i) move((i + 1) % count);
    }, 1000 / fps);
    return () => clearInterval(timer);
  }, [playing, fps, count]);
  return { playing, fps, setFps, toggle: () => setPlaying((p) => !p) };
}
