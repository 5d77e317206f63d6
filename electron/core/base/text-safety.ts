// Escaping for the generated text formats. Everything from user data goes through one of these.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** C0 and C1 control characters except tab, LF and CR (XML 1.0 forbids them; in a terminal they are commands). */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes control characters (an escape sequence in a hostile DICOM field must reach neither a terminal nor a file). */
export function stripControls(value: string): string {
  return value.replace(CONTROLS, '');
}

/** Safe in HTML text and in double- or single-quoted attribute values (also XML). */
export function escapeHtml(value: string): string {
  return stripControls(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Every string inside a JSON-like value, cleaned of control characters (what an importer extracted from a file). */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => stripControlsDeep(v)) as T;
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = stripControlsDeep(v);
    return out as T;
  }
  return value;
}
