// The enclosed records in date order, for INDEX.HTM and SUMMARY.PDF: one row per imaging study and
// per document, oldest first, undated ones last (in the order they were chosen).
import { RECORD_TYPE_LABELS } from '../../../shared/domain.js';
import type { BundlePlan } from './plan.js';

export interface TimelineRow {
  date: string | null;
  what: string;
  /** The document's path in the bundle — its readable copy for a C-CDA/FHIR file (studies have no single file). */
  link?: string;
  /** Whose record it is (index into BundleInput.patients), when the bundle knows. */
  patientIndex?: number;
}

export function buildTimeline(plan: BundlePlan): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const { study, series } of plan.studies) {
    const modalities = [...new Set(series.map((s) => s.series.modality))].join('/');
    const who = study.patientIndex !== undefined ? { patientIndex: study.patientIndex } : {};
    rows.push({ date: isoDate(study.date), what: `Imaging ${modalities}: ${study.description ?? 'study'}`, ...who });
  }
  for (const d of plan.documents) {
    const who = d.document.patientIndex !== undefined ? { patientIndex: d.document.patientIndex } : {};
    rows.push({ date: isoDate(d.document.date), what: `${RECORD_TYPE_LABELS[d.document.type]}: ${d.document.title}`, link: d.rendered?.path ?? d.path, ...who });
  }
  // Array.prototype.sort is stable: undated rows keep their order.
  return rows.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
}

/** YYYYMMDD (DICOM) or YYYY-MM-DD → YYYY-MM-DD; anything else → null. */
export function isoDate(date: string | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(date);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
