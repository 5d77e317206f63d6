// The study's series, each with a small picture (its middle image), modality, description and
// image count. Pictures are drawn only once the first image is on screen, so they never delay it.
import { useEffect, useRef } from 'react';
import { middleImageIndex, seriesImages, type ImageSeries } from '../../../shared/imaging/series.js';
import { renderToRgba } from '../../../shared/imaging/render-rgba.js';
import { defaultWindow } from '../../../shared/imaging/windows.js';
import type { FrameLoader } from './frame-loader.js';

const THUMB = 64;

function SeriesThumb({ series, loader, ready }: { series: ImageSeries; loader: FrameLoader; ready: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ready) return;
    const images = seriesImages(series);
    const middle = images[middleImageIndex(images.length)];
    if (!middle) return;
    let live = true;
    loader.load(middle).then((r) => {
      const canvas = ref.current;
      if (!live || !r.ok || !canvas) return;
      const { frame } = r;
      const full = document.createElement('canvas');
      full.width = frame.columns;
      full.height = frame.rows;
      full.getContext('2d')?.putImageData(new ImageData(renderToRgba(frame, defaultWindow(frame)) as Uint8ClampedArray<ArrayBuffer>, frame.columns, frame.rows), 0, 0);
      const scale = THUMB / Math.max(frame.columns, frame.rows);
      const ctx = canvas.getContext('2d');
      ctx?.clearRect(0, 0, THUMB, THUMB);
      ctx?.drawImage(full, (THUMB - frame.columns * scale) / 2, (THUMB - frame.rows * scale) / 2, frame.columns * scale, frame.rows * scale);
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [series, loader, ready]);
  return <canvas ref={ref} width={THUMB} height={THUMB} className="series-thumb" aria-hidden="true" />;
}

export function SeriesStrip({ series, active, onPick, loader, ready }: { series: ImageSeries[]; active: number; onPick: (i: number) => void; loader: FrameLoader; ready: boolean }) {
  return (
    <nav className="series-strip" aria-label="Series">
      <ul>
        {series.map((s, i) => (
          <li key={s.seriesInstanceUID}>
            <button type="button" aria-current={i === active ? 'true' : undefined} onClick={() => onPick(i)}>
              <SeriesThumb series={s} loader={loader} ready={ready} />
              <span className="series-text">
                <span className="series-modality">{s.modality}{s.seriesNumber !== null ? ` · ${s.seriesNumber}` : ''}</span>
                <span className="series-desc">{s.description || 'No description'}</span>
                <span className="series-count">{s.imageCount.toLocaleString()} image{s.imageCount === 1 ? '' : 's'}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
