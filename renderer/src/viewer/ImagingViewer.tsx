// An imaging study in the viewer: its first series is shown at once, the others are a click away
// in the series strip. Full screen covers the window (and asks the browser for real full screen).
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { RecordDetail } from '../../../shared/domain.js';
import type { ImageSeries } from '../../../shared/imaging/series.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { FrameLoader } from './frame-loader.js';
import { SeriesStrip } from './SeriesStrip.js';
import { SeriesViewer } from './SeriesViewer.js';

function useFullScreen(target: RefObject<HTMLElement | null>): [boolean, () => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    // Leaving the browser's full screen (Escape) leaves ours too.
    const sync = (): void => {
      if (!document.fullscreenElement) setOn(false);
    };
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  const toggle = (): void => {
    const next = !on;
    setOn(next);
    if (next) target.current?.requestFullscreen?.().catch(() => undefined); // refused (e.g. no permission): the window-filling view stays
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
  return [on, toggle];
}

export function ImagingViewer({ record }: { record: RecordDetail }) {
  const bridge = useBridge();
  const [series, setSeries] = useState<ImageSeries[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const loader = useMemo(() => new FrameLoader(bridge), [bridge]);
  const root = useRef<HTMLElement>(null);
  const [fullScreen, toggleFullScreen] = useFullScreen(root);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    bridge.call('images.series', { recordId: record.id }).then(setSeries, (e: unknown) => setError(errorMessage(e)));
  }, [bridge, record.id]);
  // The strip's pictures wait until the first image has had its turn.
  useEffect(() => {
    if (!series) return;
    const timer = setTimeout(() => setReady(true), 400);
    return () => clearTimeout(timer);
  }, [series]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!series) return <p className="viewer-loading">Opening the images…</p>;
  if (series.length === 0) return <p className="hint">This study holds no images Dossier can show (it may hold reports or measurements only).</p>;
  const current = series[active] ?? series[0]!;
  const facts = { patientName: record.patientName, studyDate: record.date, seriesLabel: [current.seriesNumber !== null ? `Series ${current.seriesNumber}` : '', current.description].filter(Boolean).join(' · ') || 'Series', modality: current.modality };
  return (
    <section ref={root} className={`viewer${fullScreen ? ' viewer-full' : ''}`} aria-label="Images">
      <SeriesStrip series={series} active={active} onPick={setActive} loader={loader} ready={ready} />
      <SeriesViewer key={current.seriesInstanceUID} series={current} loader={loader} facts={facts} fullScreen={fullScreen} onFullScreen={toggleFullScreen} />
    </section>
  );
}
