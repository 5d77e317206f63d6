// The text over the image, as real text: patient, study date, series, image number, slice
// location, window. It describes the image drawn, not the one still on its way.
import { formatPersonName } from '../../../shared/person-name.js';
import type { ImageInstance } from '../../../shared/imaging/series.js';
import type { Window } from '../../../shared/imaging/frame.js';
import { formatDate } from '../format.js';

export interface OverlayFacts {
  patientName: string | null;
  studyDate: string | null;
  seriesLabel: string;
  modality: string;
}

const round = (v: number): string => (Math.abs(v) >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10));

export function ImageOverlay({ facts, imageNumber, imageCount, instance, frame, window, zoomPercent }: {
  facts: OverlayFacts;
  imageNumber: number;
  imageCount: number;
  instance: ImageInstance | undefined;
  frame: number;
  window: Window | null;
  /** Null while no image is drawn. */
  zoomPercent: number | null;
}) {
  return (
    <div className="overlay" data-testid="image-overlay">
      <div className="overlay-tl">
        <span>{facts.patientName ? formatPersonName(facts.patientName) : 'Patient not stated'}</span>
        <span>{formatDate(facts.studyDate)}</span>
      </div>
      <div className="overlay-tr">
        <span>{facts.seriesLabel}</span>
        <span>{facts.modality}</span>
      </div>
      <div className="overlay-bl">
        <span className="overlay-image">Image {imageNumber} / {imageCount}</span>
        {instance && instance.frames > 1 && <span>Frame {frame + 1} of {instance.frames}</span>}
        {instance?.sliceLocation !== null && instance?.sliceLocation !== undefined && <span>Slice {instance.sliceLocation.toFixed(2)} mm</span>}
      </div>
      <div className="overlay-br">
        {window && <span className="overlay-window">W {round(window.width)} · L {round(window.center)}</span>}
        {zoomPercent !== null && <span>Zoom {Math.round(zoomPercent)} %</span>}
      </div>
    </div>
  );
}
