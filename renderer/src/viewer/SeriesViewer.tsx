// One series in the viewer: the image stage (canvas + overlay, or why the image cannot be shown),
// its toolbar, the image slider and cine. State lives here; the rules are in view-state.ts.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Window } from '../../../shared/imaging/frame.js';
import { seriesImages, type ImageSeries } from '../../../shared/imaging/series.js';
import type { View } from '../../../shared/imaging/voi.js';
import { defaultWindow } from '../../../shared/imaging/windows.js';
import { describePixelError } from '../../../shared/words/imaging.js';
import type { FrameLoader } from './frame-loader.js';
import { ImageCanvas } from './ImageCanvas.js';
import { ImageOverlay, type OverlayFacts } from './ImageOverlay.js';
import { useCinePlayback } from './use-cine.js';
import { useCurrentFrame } from './use-current-frame.js';
import { useElementSize } from './use-element-size.js';
import { useStageInput, type Tool } from './use-stage-input.js';
import { IDENTITY_TRANSFORM, cssTransform, dragSensitivity, dragWindow, fitScale, indexForKey, pixelAspect, presetsFor, rotated, zoomed, type Transform } from './view-state.js';
import { ViewerToolbar } from './ViewerToolbar.js';
import { windowForChoice } from './window-choice.js';

export function SeriesViewer({ series, loader, facts, fullScreen, onFullScreen }: { series: ImageSeries; loader: FrameLoader; facts: OverlayFacts; fullScreen: boolean; onFullScreen: () => void }) {
  const images = useMemo(() => seriesImages(series), [series]);
  const [index, setIndex] = useState(0);
  const [direction, setDirection] = useState<1 | -1>(1);
  const [choice, setChoice] = useState('file');
  const [custom, setCustom] = useState<Window | null>(null);
  const [invert, setInvert] = useState(false);
  const [transform, setTransform] = useState<Transform>(IDENTITY_TRANSFORM);
  const [tool, setTool] = useState<Tool>('window');
  const stage = useRef<HTMLDivElement>(null);
  const box = useElementSize(stage);
  const { shown, failure } = useCurrentFrame(loader, images, index, direction);
  const frame = shown?.result.ok ? shown.result.frame : null;
  const window = frame ? (choice === 'custom' && custom ? custom : windowForChoice(choice, frame)) : null;
  const view = useMemo<View | null>(() => (window ? { center: window.center, width: window.width, invert } : null), [window?.center, window?.width, invert]);
  const cine = useCinePlayback(images.length, index, shown?.index ?? -1, (i) => go(i));
  const dragFrom = useRef<{ window: Window | null; sensitivity: number; transform: Transform }>({ window: null, sensitivity: 1, transform });

  function go(i: number): void {
    const next = Math.max(0, Math.min(images.length - 1, i));
    setDirection(next >= index ? 1 : -1);
    setIndex(next);
  }

  const input = useStageInput(stage, {
    tool,
    onScroll: (n) => go(index + n),
    onWheelZoom: (f) => setTransform((t) => zoomed(t, f)),
    onDragStart: () => (dragFrom.current = { window, sensitivity: frame ? dragSensitivity(frame) : 1, transform }),
    onDrag: (kind, dx, dy) => {
      const from = dragFrom.current;
      if (kind === 'window' && from.window) {
        setCustom(dragWindow(from.window, dx, dy, from.sensitivity));
        setChoice('custom');
      } else if (kind === 'pan') setTransform({ ...from.transform, panX: from.transform.panX + dx, panY: from.transform.panY + dy });
      else if (kind === 'zoom') setTransform(zoomed(from.transform, Math.exp(-dy / 200)));
    },
  });

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return; // the browser's and the system's shortcuts
    const next = indexForKey(e.key, index, images.length);
    const act = KEY_ACTIONS[e.key];
    if (next === null && !act) return;
    e.preventDefault();
    if (next !== null) go(next);
    else act?.({ setTransform, setInvert, cine, onFullScreen, setChoice, presets: presetsFor(series.modality) });
  }

  const aspect = frame ? pixelAspect(frame) : 1;
  const fit = frame ? fitScale(box, frame, aspect, transform.rotation) : 1;
  const ref = images[shown?.index ?? index];
  const label = `${series.modality} image ${(shown?.index ?? index) + 1} of ${images.length}${series.description ? `, ${series.description}` : ''}`;
  return (
    <div className="series-viewer">
      <ViewerToolbar
        tool={tool}
        onTool={setTool}
        presets={presetsFor(series.modality)}
        windowChoice={choice}
        onWindowChoice={setChoice}
        onZoom={(f) => setTransform((t) => zoomed(t, f))}
        onFit={() => setTransform((t) => ({ ...IDENTITY_TRANSFORM, rotation: t.rotation, flipH: t.flipH, flipV: t.flipV }))}
        onRotate={(by) => setTransform((t) => ({ ...t, rotation: rotated(t.rotation, by) }))}
        flipH={transform.flipH}
        flipV={transform.flipV}
        onFlip={(axis) => setTransform((t) => (axis === 'h' ? { ...t, flipH: !t.flipH } : { ...t, flipV: !t.flipV }))}
        invert={invert}
        onInvert={() => setInvert((v) => !v)}
        canPlay={images.length > 1}
        playing={cine.playing}
        onPlay={cine.toggle}
        fps={cine.fps}
        onFps={cine.setFps}
        fullScreen={fullScreen}
        onFullScreen={onFullScreen}
      />
      <div
        ref={stage}
        className={`stage tool-${tool}`}
        tabIndex={0}
        role="group"
        aria-label="Image viewer"
        aria-describedby="viewer-keys"
        onKeyDown={onKeyDown}
        onDoubleClick={() => setTransform(IDENTITY_TRANSFORM)}
        {...input}
      >
        {frame && view && <ImageCanvas frame={frame} view={view} transform={`translate(-50%, -50%) ${cssTransform(transform, fit, aspect)}`} label={label} imageNumber={(shown?.index ?? 0) + 1} />}
        {shown && !shown.result.ok && <p className="image-error" role="alert">{describePixelError(shown.result.error)}</p>}
        {failure && <p className="image-error" role="alert">{failure}</p>}
        {!shown && !failure && <p className="image-loading">Loading image…</p>}
        <ImageOverlay facts={facts} imageNumber={(shown?.index ?? index) + 1} imageCount={images.length} instance={ref?.instance} frame={ref?.frame ?? 0} window={window} zoomPercent={fit * transform.zoom * 100} />
      </div>
      <p id="viewer-keys" className="sr-only">Arrow keys, Page Up, Page Down, Home and End move through the images; plus and minus zoom; 0 fits; I inverts; R rotates; space plays; F is full screen.</p>
      {images.length > 1 && (
        <div className="image-slider">
          <label htmlFor={`slider-${series.seriesInstanceUID}`}>Image</label>
          <input id={`slider-${series.seriesInstanceUID}`} type="range" min={1} max={images.length} value={index + 1} aria-valuetext={`Image ${index + 1} of ${images.length}`} onChange={(e) => go(Number(e.target.value) - 1)} />
          <span aria-hidden="true">{index + 1} / {images.length}</span>
        </div>
      )}
    </div>
  );
}

interface KeyContext {
  setTransform: (f: (t: Transform) => Transform) => void;
  setInvert: (f: (v: boolean) => boolean) => void;
  cine: { toggle: () => void };
  onFullScreen: () => void;
  setChoice: (c: string) => void;
  presets: readonly { id: string }[];
}

/** Keys that act on the view (navigation keys are in view-state.ts). */
const KEY_ACTIONS: Record<string, (c: KeyContext) => void> = {
  '+': (c) => c.setTransform((t) => zoomed(t, 1.25)),
  '=': (c) => c.setTransform((t) => zoomed(t, 1.25)),
  '-': (c) => c.setTransform((t) => zoomed(t, 0.8)),
  '0': (c) => c.setTransform(() => IDENTITY_TRANSFORM),
  i: (c) => c.setInvert((v) => !v),
  r: (c) => c.setTransform((t) => ({ ...t, rotation: rotated(t.rotation, 90) })),
  h: (c) => c.setTransform((t) => ({ ...t, flipH: !t.flipH })),
  v: (c) => c.setTransform((t) => ({ ...t, flipV: !t.flipV })),
  ' ': (c) => c.cine.toggle(),
  f: (c) => c.onFullScreen(),
  ...Object.fromEntries(['1', '2', '3', '4'].map((k, i) => [k, (c: KeyContext) => c.presets[i] && c.setChoice(c.presets[i].id)])),
};
