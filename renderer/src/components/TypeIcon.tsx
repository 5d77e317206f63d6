// One small inline SVG per record type (no icon font, no remote assets). Each type has its own
// shape, so a pathology report (microscope) never looks like lab results (flask).
import type { RecordType } from '../../../shared/domain.js';

const PATHS: Record<RecordType, string> = {
  // An X-ray film: frame, spine and ribs.
  imaging: 'M3 4h18v16H3zM12 7v10M12 9c-2 0-4 .5-5 2M12 9c2 0 4 .5 5 2M12 12c-2 0-4 .5-5 2M12 12c2 0 4 .5 5 2M12 15c-1.5 0-3 .3-4 1.2M12 15c1.5 0 3 .3 4 1.2',
  // A microscope: tilted tube, objective, stage, arm and foot.
  pathology: 'M8 2.5l3 1.6-3.6 6.8-3-1.6zM6.5 10.5l-.9 1.8M3.5 14.5h7M11.4 5.5a6.5 6.5 0 0 1 1.6 12.5M9 18h6M5 21h14M12 18v3',
  // A report page with a small image on it.
  'radiology-report': 'M6 3h9l4 4v14H6zM14 3v5h5M9 11h5v4H9zM9 18h7',
  // A laboratory flask.
  lab: 'M9 3h6M10 3v6.5l-5.3 8.8A1.8 1.8 0 0 0 6.2 21h11.6a1.8 1.8 0 0 0 1.5-2.7L14 9.5V3M7.3 15h9.4',
  // A clipboard with a medical cross.
  'treatment-summary': 'M5 4h14v17H5zM9 2h6v4H9zM12 10v6M9 13h6',
  // An envelope.
  letter: 'M3 6h18v12H3zM3 6l9 7 9-7',
  // A capsule.
  'medication-list': 'M10.5 4.5a4.95 4.95 0 0 1 7 7l-6 6a4.95 4.95 0 0 1-7-7zM7.5 7.5l7 7',
  // A plain page.
  other: 'M6 3h9l4 4v14H6zM14 3v5h5',
};

export function TypeIcon({ type, size = 28 }: { type: RecordType; size?: number }) {
  return (
    <svg className={`type-icon t-${type}`} data-type={type} viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={PATHS[type]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
