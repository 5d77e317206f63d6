// One decoded frame drawn at its own size (rows × columns canvas pixels) through renderToRgba at a
// window; zoom, pan, rotation and flips are a CSS transform on top, so the canvas pixels are always
// exactly the mapped image. The drawn window is kept in data attributes for tests and tools.
import { useLayoutEffect, useRef } from 'react';
import type { DecodedFrame } from '../../../shared/imaging/frame.js';
import { renderToRgba } from '../../../shared/imaging/render-rgba.js';
import type { View } from '../../../shared/imaging/voi.js';

export function ImageCanvas({ frame, view, transform, label, imageNumber }: { frame: DecodedFrame; view: View; transform: string; label: string; imageNumber: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  // One ImageData per image size, filled again for each frame: no megabytes of garbage per image.
  const pixels = useRef<ImageData | null>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (canvas.width !== frame.columns || canvas.height !== frame.rows) {
      canvas.width = frame.columns;
      canvas.height = frame.rows;
    }
    if (pixels.current?.width !== frame.columns || pixels.current.height !== frame.rows) pixels.current = new ImageData(frame.columns, frame.rows);
    renderToRgba(frame, view, pixels.current.data);
    ctx.putImageData(pixels.current, 0, 0);
  }, [frame, view]);
  return (
    <canvas
      ref={ref}
      className="image-canvas"
      role="img"
      aria-label={label}
      style={{ transform }}
      data-image={imageNumber}
      data-window-center={view.center}
      data-window-width={view.width}
      data-invert={view.invert ? 'true' : 'false'}
    />
  );
}
