// A photo record (a picture of a paper letter, a wound, a scan): shown from an object URL made of
// its bytes, turned the way the camera meant (EXIF orientation: the browser applies it, CSS
// image-orientation: from-image), with zoom and pan by buttons, wheel, drag and keys.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useBridge } from '../bridge-context.js';
import { readWholeFile } from './file-bytes.js';
import { ZOOM_LIMITS } from './view-state.js';

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png' };

function usePhotoUrl(recordId: string, format: string): { url: string | null; error: string | null } {
  const bridge = useBridge();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const mime = MIME[format];
    if (!mime) {
      setError('This kind of picture (for example HEIC from an iPhone) cannot be shown here yet. It is kept and exported as it is.');
      return;
    }
    let made: string | null = null;
    let live = true;
    readWholeFile(bridge, recordId).then(
      ({ bytes }) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
        setUrl(made);
      },
      () => live && setError('This picture could not be read.'),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [bridge, recordId, format]);
  return { url, error };
}

export function PhotoViewer({ recordId, format, title }: { recordId: string; format: string; title: string }) {
  const { url, error } = usePhotoUrl(recordId, format);
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; pan: { x: number; y: number } } | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const zoomBy = (f: number): void => setZoom((z) => Math.max(ZOOM_LIMITS.min, Math.min(ZOOM_LIMITS.max, z * f)));
  const fit = (): void => (setZoom(1), setPan({ x: 0, y: 0 }));

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [url]);

  const onKeyDown = (e: KeyboardEvent): void => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-') zoomBy(0.8);
    else if (e.key === '0') fit();
    else if (moves[e.key]) setPan((p) => ({ x: p.x + moves[e.key]![0], y: p.y + moves[e.key]![1] }));
    else return;
    e.preventDefault();
  };
  const pointer = {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { x: e.clientX, y: e.clientY, pan };
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      if (d) setPan({ x: d.pan.x + e.clientX - d.x, y: d.pan.y + e.clientY - d.y });
    },
    onPointerUp: () => (drag.current = null),
  };

  if (error) return <p className="hint">{error}</p>;
  return (
    <section className="photo-viewer" aria-label={`Picture: ${title}`}>
      <div className="viewer-toolbar" role="toolbar" aria-label="Picture tools">
        <button type="button" className="tool" aria-label="Zoom in" onClick={() => zoomBy(1.25)}>+</button>
        <button type="button" className="tool" aria-label="Zoom out" onClick={() => zoomBy(0.8)}>−</button>
        <button type="button" className="tool" onClick={fit}>Fit</button>
        <span className="hint-inline">{Math.round(zoom * 100)} %</span>
      </div>
      <div ref={stage} className="photo-stage" tabIndex={0} role="group" aria-label="Picture: drag or use the arrow keys to move, plus and minus to zoom" onKeyDown={onKeyDown} {...pointer}>
        {url ? <img src={url} alt={title} className="photo" draggable={false} style={{ transform: `translate(${pan.x}px, ${pan.y}px) scale(${zoom})` }} /> : <p className="viewer-loading">Opening the picture…</p>}
      </div>
    </section>
  );
}
