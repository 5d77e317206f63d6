// Pages photographed sideways or scanned upside down. Tesseract reads turned text as confident-
// looking garbage only rarely: upright text scores 80–95, text at 90/180/270° scores 15–40. So
// the page is read upright first (the usual case costs nothing extra); only a low score has the
// other turns tried, most likely first — a page whose dark pixels run in columns rather than rows
// lies sideways — stopping at the first confident reading.
// (Tesseract's own orientation detection needs the legacy engine and a 10 MB extra model.)
import type { Recognition, Recognize } from './engine.js';
import { OCR_LIMITS } from './limits.js';
import { fitWithin, transform, type Raster, type Rotation } from './raster.js';

export interface PageReading extends Recognition {
  rotation: Rotation;
}

export async function readUpright(page: Raster, recognize: Recognize): Promise<PageReading> {
  const upright: PageReading = { ...(await recognize(page)), rotation: 0 };
  if (upright.confidence >= OCR_LIMITS.uprightConfidence) return upright;
  let best: PageReading | null = null;
  for (const rotation of turnsToTry(page)) {
    const reading: PageReading = { ...(await recognize(transform(page, rotation))), rotation };
    if (!best || reading.confidence > best.confidence) best = reading;
    if (best.confidence >= OCR_LIMITS.uprightConfidence) break;
  }
  // A turn must beat upright clearly: a page of noise scores low every way round.
  return best && best.confidence >= upright.confidence + OCR_LIMITS.orientationMargin ? best : upright;
}

/** Upside down first, unless the text lines seem to run vertically (then sideways first). */
export function turnsToTry(page: Raster): Rotation[] {
  return linesRunVertically(fitWithin(page, OCR_LIMITS.orientationLongSide)) ? [90, 270, 180] : [180, 90, 270];
}

/** Text lines make the dark-pixel count jump from row to row (line, gap, line…); across the
 *  lines it changes smoothly. Whichever direction jumps more is across the lines. */
function linesRunVertically(r: Raster): boolean {
  const rows = new Float64Array(r.height);
  const cols = new Float64Array(r.width);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.data[y * r.width + x]! < 128) (rows[y]! += 1), (cols[x]! += 1);
    }
  }
  return jumpiness(cols, r.height) > jumpiness(rows, r.width);
}

function jumpiness(profile: Float64Array, length: number): number {
  let sum = 0;
  for (let i = 1; i < profile.length; i++) sum += Math.abs(profile[i]! - profile[i - 1]!);
  return sum / length;
}
