// SUMMARY.PDF: the one to three pages a doctor prints first. Real text (selectable, searchable) in
// the PDF standard fonts, so nothing is embedded and any reader shows it; characters those fonts
// cannot show become their closest plain letter, else "?". Past three pages the summary stops and
// points to INDEX.HTM.
import { patientName } from './patients.js';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BundlePlan } from './plan.js';
import type { BundleInput } from './types.js';
import { summaryBlocks, type SummaryBlock } from './summary-content.js';
import { stripControls } from '../base/text-safety.js';

export const SUMMARY_MAX_PAGES = 3;
const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = 50;
const FOOTER = 30;
const WIDTH = PAGE.width - 2 * MARGIN;
const INK = rgb(0.1, 0.12, 0.13);
const MUTED = rgb(0.33, 0.38, 0.4);

const STYLES: Record<SummaryBlock['kind'], { size: number; bold: boolean; before: number }> = {
  title: { size: 18, bold: true, before: 0 },
  heading: { size: 13, bold: true, before: 12 },
  subheading: { size: 10.5, bold: true, before: 6 },
  text: { size: 10, bold: false, before: 2 },
  row: { size: 10, bold: false, before: 1 },
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Letters with a stroke, which Unicode does not decompose into a base letter and an accent. */
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

/** Text the standard fonts can draw: accents kept where WinAnsi has them, else the bare letter, else "?". */
function drawable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  const one = (ch: string): string => {
    if (known.has(ch.codePointAt(0)!)) return ch;
    const bare = STROKED[ch] ?? ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    return bare && [...bare].every((c) => known.has(c.codePointAt(0)!)) ? bare : '?';
  };
  return (text) => [...stripControls(text).replace(/[\t\r]/g, ' ')].map(one).join('');
}

/** Lines of at most `width` points; a word longer than a line (a path, a tracking number) is cut. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) line = next;
      else {
        if (line) lines.push(line);
        line = word;
        while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Writes lines down the pages; refuses (false) once the last allowed page is full. */
class PageWriter {
  private page: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];
  private readonly clean: (text: string) => string;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.clean = drawable(fonts.regular);
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(page);
    this.y = PAGE.height - MARGIN;
    return page;
  }

  /** Room for `height` more points, on a new page if needed; false when the summary is full. */
  private room(height: number, reserve: number): boolean {
    if (this.y - height >= MARGIN + FOOTER + reserve) return true;
    if (this.pages.length >= SUMMARY_MAX_PAGES) return false;
    this.page = this.newPage();
    return true;
  }

  block(block: SummaryBlock): boolean {
    const style = STYLES[block.kind];
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const color = block.kind === 'text' && block.muted ? MUTED : INK;
    const leading = style.size * 1.35;
    const label = block.kind === 'row' ? this.clean(block.label ?? '•') : '';
    const labelWidth = label ? Math.min(Math.max(this.fonts.regular.widthOfTextAtSize(label, style.size) + 8, 14), WIDTH * 0.45) : 0;
    const lines = wrap(this.clean(block.text), font, style.size, WIDTH - labelWidth);
    // A heading never ends a page alone: it needs room for itself and one line after it.
    const keep = block.kind === 'heading' || block.kind === 'subheading' ? leading : 0;
    this.y -= style.before;
    for (const [i, line] of lines.entries()) {
      if (!this.room(leading + (i === 0 ? keep : 0), leading)) return false;
      this.y -= leading;
      if (i === 0 && label) this.draw(label, this.fonts.regular, style.size, MARGIN, MUTED, labelWidth - 6);
      this.draw(line, font, style.size, MARGIN + labelWidth, color);
    }
    return true;
  }

  private draw(text: string, font: PDFFont, size: number, x: number, color: ReturnType<typeof rgb>, maxWidth?: number): void {
    const fitted = maxWidth === undefined ? text : wrap(text, font, size, maxWidth)[0] ?? '';
    this.page.drawText(fitted, { x, y: this.y, size, font, color });
  }

  /** The last line, when the summary had to stop: where the rest is. */
  stopped(): void {
    this.y -= 14;
    this.page.drawText('The summary continues in INDEX.HTM (open it in a browser).', { x: MARGIN, y: this.y, size: 10, font: this.fonts.bold, color: INK });
  }

  footers(patient: string): void {
    const name = this.clean(patient);
    this.pages.forEach((page, i) =>
      page.drawText(`${name} — Summary for the doctor — page ${i + 1} of ${this.pages.length}`, { x: MARGIN, y: MARGIN - 10, size: 8, font: this.fonts.regular, color: MUTED }),
    );
  }
}

export async function buildSummaryPdf(input: BundleInput, plan: BundlePlan): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Summary for the doctor — ${patientName(input.patient)}`);
  doc.setSubject(input.case?.title ?? 'Medical records for a second opinion');
  doc.setCreator(`Dossier ${input.appVersion}`);
  doc.setProducer('Dossier');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  doc.setLanguage('en');
  const writer = new PageWriter(doc, { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) });
  for (const block of summaryBlocks(input, plan)) {
    if (writer.block(block)) continue;
    writer.stopped();
    break;
  }
  writer.footers(patientName(input.patient));
  return doc.save();
}
