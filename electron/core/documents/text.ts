// Plain text documents (notes, exported reports): decoded (UTF-8, UTF-16 with BOM, Latin-1),
// then typed, dated and titled from their content.
import { type Analysis, type Analyzer } from '../base/analysis.js';
import { guessRecordType } from './classify.js';
import { guessDocumentDate } from './dates.js';
import { decodeText } from './text-decode.js';
import { identityFromText } from './identity-text.js';
import { fileStem, firstHeading } from './titles.js';

/** Text beyond this is not kept for search (the file itself is stored whole). */
const MAX_TEXT_CHARS = 5 * 1024 * 1024;

export const analyzeText: Analyzer = async ({ name, bytes }) => {
  const decoded = decodeText(bytes);
  let text = decoded.text.replace(/\r\n?/g, '\n');
  const metadata: Record<string, unknown> = { encoding: decoded.encoding };
  if (text.length > MAX_TEXT_CHARS) {
    text = text.slice(0, MAX_TEXT_CHARS);
    metadata['note'] = `Only the first ${MAX_TEXT_CHARS} characters are searchable`;
  }
  const title = firstHeading(text) ?? fileStem(name);
  const analysis: Analysis = {
    format: 'text',
    kind: 'document',
    type: guessRecordType(text, title),
    typeGuessed: true,
    title,
    dateGuessed: true,
    text,
    metadata,
  };
  const date = guessDocumentDate(text);
  if (date) analysis.date = date;
  const identity = identityFromText(text);
  if (identity) analysis.identity = { ...identity, source: 'text' };
  return analysis;
};
