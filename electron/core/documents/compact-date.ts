// Compact timestamps → YYYY-MM-DD: PDF dates ("D:20240305101500+01'00'"), HL7 TS
// ("20240305101500-0500"), and ISO-ish strings ("2024-03-05T10:00:00Z"). Partial dates
// (year only, year+month) are completed with 01, as HL7 and FHIR allow reduced precision.
import { toIsoDate } from './dates.js';

export function compactDateToIso(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(?:-?(\d{2}))?(?:-?(\d{2}))?(?!\d)/.exec(value.trim()) ??
    /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  return toIsoDate(Number(m[1]), Number(m[2] ?? '1'), Number(m[3] ?? '1'));
}

/** Like compactDateToIso, but keeps the precision the source gave: "2019", "2019-05" or "2019-05-14". */
export function compactDateToPartialIso(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(?:-?(\d{2}))?(?:-?(\d{2}))?(?!\d)/.exec(value.trim());
  if (!m) return undefined;
  if (!m[2]) return Number(m[1]) >= 1800 ? m[1] : undefined;
  if (!m[3]) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : undefined;
  return compactDateToIso(value);
}
