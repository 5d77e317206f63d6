// One small inline SVG per record type (no icon font, no remote assets).
import type { RecordType } from '../../../shared/domain.js';

const PATHS: Record<RecordType, string> = {
  imaging: 'M4 5h16v14H4zM8 15l2.5-3 2 2.5L15 11l3 4',
  pathology: 'M9 3h6M10 3v6l-5 9a2 2 0 0 0 2 3h10a2 2 0 0 0 2-3l-5-9V3',
  'radiology-report': 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h5',
  lab: 'M7 3h10M9 3v7L5 19a1.5 1.5 0 0 0 1.4 2h11.2a1.5 1.5 0 0 0 1.4-2l-4-9V3M8 15h8',
  'treatment-summary': 'M5 4h14v17H5zM9 2h6v4H9zM12 10v6M9 13h6',
  letter: 'M3 6h18v12H3zM3 6l9 7 9-7',
  'medication-list': 'M10.5 4.5a4.95 4.95 0 0 1 7 7l-6 6a4.95 4.95 0 0 1-7-7zM7.5 7.5l7 7',
  other: 'M6 3h9l4 4v14H6zM14 3v5h5',
};

export function TypeIcon({ type, size = 28 }: { type: RecordType; size?: number }) {
  return (
    <svg className={`type-icon t-${type}`} viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={PATHS[type]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
