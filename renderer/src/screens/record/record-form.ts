// A record's editable fields as the form holds them (text), and back into a patch for the core;
// the one-line summary under its title.
import type { RecordPatch } from '../../../../shared/api.js';
import { RECORD_TYPE_LABELS, type RecordDetail, type RecordType } from '../../../../shared/domain.js';
import { formatBytes, formatDate } from '../../format.js';

export interface RecordForm {
  title: string;
  type: RecordType;
  /** YYYY-MM-DD, or '' for no date. */
  date: string;
  /** Comma-separated. */
  tags: string;
  notes: string;
  /** '' for nobody. */
  personId: string;
}

export const EMPTY_RECORD_FORM: RecordForm = { title: '', type: 'other', date: '', tags: '', notes: '', personId: '' };

export function recordForm(r: RecordDetail): RecordForm {
  return { title: r.title, type: r.type, date: r.date ?? '', tags: r.tags.join(', '), notes: r.notes, personId: r.personId ?? '' };
}

/** Tags split at commas and trimmed, an empty title as "Untitled", empty date and person as none. */
export function recordPatch(form: RecordForm): RecordPatch {
  const tags = form.tags.split(',').map((t) => t.trim()).filter(Boolean);
  return { title: form.title.trim() || 'Untitled', type: form.type, date: form.date || null, tags, notes: form.notes, personId: form.personId || null };
}

/** "Report · 3 Mar 2024 (guessed) · City Hospital · 1.2 MB": what is known, in that order. */
export function recordMetaLine(r: RecordDetail): string {
  const date = `${formatDate(r.date)}${r.date && r.dateGuessed ? ' (guessed)' : ''}`;
  return [RECORD_TYPE_LABELS[r.type], date, r.institution, formatBytes(r.sizeBytes)].filter(Boolean).join(' · ');
}
