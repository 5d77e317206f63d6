// Small readers for FHIR R4 JSON values (which arrive untyped): strings, CodeableConcepts,
// Quantities, references. They return undefined rather than guess.
import { blocksText, divBlocks } from './narrative.js';

export type Json = Record<string, unknown>;

export function obj(v: unknown): Json | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** CodeableConcept → its text, else the first coding's display, else its code. */
export function concept(v: unknown): string | undefined {
  const c = obj(v);
  if (!c) return undefined;
  const text = str(c['text']);
  if (text) return text;
  for (const coding of arr(c['coding'])) {
    const display = str(obj(coding)?.['display']);
    if (display) return display;
  }
  for (const coding of arr(c['coding'])) {
    const code = str(obj(coding)?.['code']);
    if (code) return code;
  }
  return undefined;
}

/** All codes of a CodeableConcept (or of a list of them), upper-cased, with their displays. */
export function codesOf(v: unknown): string[] {
  const out: string[] = [];
  for (const c of Array.isArray(v) ? v : [v]) {
    const cc = obj(c);
    if (!cc) continue;
    const text = str(cc['text']);
    if (text) out.push(text.toUpperCase());
    for (const coding of arr(cc['coding'])) {
      const code = str(obj(coding)?.['code']);
      const display = str(obj(coding)?.['display']);
      if (code) out.push(code.toUpperCase());
      if (display) out.push(display.toUpperCase());
    }
  }
  return out;
}

export function quantity(v: unknown): string | undefined {
  const q = obj(v);
  if (!q) return undefined;
  const value = typeof q['value'] === 'number' || typeof q['value'] === 'string' ? String(q['value']) : undefined;
  if (value === undefined) return undefined;
  const unit = str(q['unit']) ?? str(q['code']);
  return `${str(q['comparator']) ?? ''}${value}${unit ? ` ${unit}` : ''}`;
}

/** An Observation-style value[x], rendered. */
export function valueX(r: Json): string | undefined {
  if (r['valueQuantity'] !== undefined) return quantity(r['valueQuantity']);
  if (r['valueCodeableConcept'] !== undefined) return concept(r['valueCodeableConcept']);
  for (const k of ['valueString', 'valueDateTime', 'valueTime']) if (str(r[k])) return str(r[k]);
  for (const k of ['valueInteger', 'valueBoolean']) if (r[k] !== undefined && r[k] !== null) return String(r[k]);
  const range = obj(r['valueRange']);
  if (range) return `${quantity(range['low']) ?? ''} – ${quantity(range['high']) ?? ''}`;
  return undefined;
}

export function referenceDisplay(v: unknown): string | undefined {
  const ref = obj(v);
  return ref ? str(ref['display']) : undefined;
}

/** The first date found among these fields (dateTime, Period.start, instant). */
export function firstDate(r: Json, fields: string[]): string | undefined {
  for (const f of fields) {
    const v = r[f];
    if (typeof v === 'string' && v.trim()) return v.trim();
    const start = str(obj(v)?.['start']);
    if (start) return start;
  }
  return undefined;
}

/** Narrative XHTML → plain text, read as XML (the same reading as the viewer's). */
export function narrativeText(v: unknown): string | undefined {
  const div = str(obj(v)?.['div']);
  const text = div ? blocksText(divBlocks(div)) : '';
  return text || undefined;
}
