// One series in the viewer: its toolbar, the image stage (canvas + overlay, or why the image cannot
// be shown), the image slider. The state and input rules are in use-series-view.ts.
import { useRef } from 'react';
import type { ImageSeries } from '../../../shared/imaging/series.js';
import { describePixelError } from '../../../shared/words/imaging.js';
import type { FrameLoader } from './frame-loader.js';
import { ImageCanvas } from './ImageCanvas.js';
import { ImageOverlay, type OverlayFacts } from './ImageOverlay.js';
import { useElementSize } from './use-element-size.js';
import { useSeriesView } from './use-series-view.js';
import { IDENTITY_TRANSFORM, cssTransform, fitScale, pixelAspect, rotated, zoomed } from './view-state.js';
import { ViewerToolbar } from './ViewerToolbar.js';

export function SeriesViewer({ series, loader, facts, fullScreen, onFullScreen }: { series: ImageSeries; loader: FrameLoader; facts: OverlayFacts; fullScreen: boolean; onFullScreen: () => void }) {
  const stage = useRef<HTMLDivElement>(null);
  const box = useElementSize(stage);
  const v = useSeriesView(series, loader, stage, onFullScreen);
  const { images, shown, frame, transform, setTransform } = v;
  const aspect = frame ? pixelAspect(frame) : 1;
  const fit = frame ? fitScale(box, frame, aspect, transform.rotation) : 1;
  const shownIndex = shown?.index ?? v.index;
  const ref = images[shownIndex];
  const label = `${series.modality} image ${shownIndex + 1} of ${images.length}${series.description ? `, ${series.description}` : ''}`;
  return (
    <div className="series-viewer">
      <ViewerToolbar
        tool={v.tool}
        onTool={v.setTool}
        presets={v.presets}
        windowChoice={v.choice}
        onWindowChoice={v.setChoice}
        onZoom={(f) => setTransform((t) => zoomed(t, f))}
        onFit={() => setTransform((t) => ({ ...IDENTITY_TRANSFORM, rotation: t.rotation, flipH: t.flipH, flipV: t.flipV }))}
        onRotate={(by) => setTransform((t) => ({ ...t, rotation: rotated(t.rotation, by) }))}
        flipH={transform.flipH}
        flipV={transform.flipV}
        onFlip={(axis) => setTransform((t) => (axis === 'h' ? { ...t, flipH: !t.flipH } : { ...t, flipV: !t.flipV }))}
        invert={v.invert}
        onInvert={() => v.setInvert((x) => !x)}
        canPlay={images.length > 1}
        playing={v.cine.playing}
        onPlay={v.cine.toggle}
        fps={v.cine.fps}
        onFps={v.cine.setFps}
        fullScreen={fullScreen}
        onFullScreen={onFullScreen}
      />
      <div ref={stage} className={`stage tool-${v.tool}`} tabIndex={0} role="group" aria-label="Image viewer" aria-describedby="viewer-keys" onKeyDown={v.onKeyDown} onDoubleClick={() => setTransform(IDENTITY_TRANSFORM)} {...v.input}>
        {frame && v.view && <ImageCanvas frame={frame} view={v.view} transform={`translate(-50%, -50%) ${cssTransform(transform, fit, aspect)}`} label={label} imageNumber={shownIndex + 1} />}
        {shown && !shown.result.ok && <p className="image-error" role="alert">{describePixelError(shown.result.error)}</p>}
        {v.failure && <p className="image-error" role="alert">{v.failure}</p>}
        {!shown && !v.failure && <p className="image-loading">Loading image…</p>}
        <ImageOverlay facts={facts} imageNumber={shownIndex + 1} imageCount={images.length} instance={ref?.instance} frame={ref?.frame ?? 0} window={v.window} zoomPercent={frame ? fit * transform.zoom * 100 : null} />
      </div>
      <p id="viewer-keys" className="sr-only">Arrow keys, Page Up, Page Down, Home and End move through the images; plus and minus zoom; 0 fits; I inverts; R rotates; space plays; F is full screen.</p>
      {images.length > 1 && (
        <div className="image-slider">
          <label htmlFor={`slider-${series.seriesInstanceUID}`}>Image</label>
          <input id={`slider-${series.seriesInstanceUID}`} type="range" min={1} max={images.length} value={v.index + 1} aria-valuetext={`Image ${v.index + 1} of ${images.length}`} onChange={(e) => v.go(Number(e.target.value) - 1)} />
          <span aria-hidden="true">{v.index + 1} / {images.length}</span>
        </div>
      )}
    </div>
  );
}
