// Choosing a human title for a document: its own title when it has one worth showing,
// else its first meaningful line, else the file name.

const MAX_TITLE = 120;

/** "scan 0001.PDF" → "scan 0001"; path components are dropped. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return stem.trim() || base || 'Untitled';
}

/** True when a line says something: enough letters, not just a page number, date or label. */
function isMeaningful(line: string): boolean {
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return false;
  if (/^page \d+( of \d+)?$/i.test(line)) return false;
  return true;
}

export function clipTitle(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1).trimEnd()}…` : t;
}

export function firstMeaningfulLine(text: string): string | undefined {
  // Only the start of the text is looked at: a title is never deep in a document.
  for (const raw of text.slice(0, 20_000).split(/[\n\f\r]/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (isMeaningful(line)) return clipTitle(line);
  }
  return undefined;
}

/** A PDF Info /Title, cleaned, or undefined when it is empty or only restates a file name. */
export function meaningfulMetadataTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  const t = title
    .replace(/^microsoft (word|excel|powerpoint) - /i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!isMeaningful(t)) return undefined;
  if (/^(untitled|document\d*|title|unknown|none|null)$/i.test(t)) return undefined;
  if (/\.(docx?|pdf|rtf|txt|odt|tiff?|jpe?g|png)$/i.test(t)) return undefined;
  if (/^(scan|img|image|dsc|doc)[ _-]?\d+$/i.test(t)) return undefined;
  return clipTitle(t);
}
