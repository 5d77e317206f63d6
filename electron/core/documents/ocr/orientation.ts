// Pages photographed sideways or scanned upside down. Tesseract reads turned text as confident-
// looking garbage only rarely: upright text scores 80–95, text at 90/180/270° scores 15–40. So
// the page is read upright first (the usual case costs nothing extra); only a low score has the
// four orientations tried on a small copy, and the page is read again the best way round.
// (Tesseract's own orientation detection needs the legacy engine and a 10 MB extra model.)
import type { Recognition, Recognize } from './engine.js';
import { OCR_LIMITS } from './limits.js';
import { fitWithin, transform, type Raster, type Rotation } from './raster.js';

export interface PageReading extends Recognition {
  rotation: Rotation;
}

export async function readUpright(page: Raster, recognize: Recognize): Promise<PageReading> {
  const upright = await recognize(page);
  if (upright.confidence >= OCR_LIMITS.uprightConfidence) return { ...upright, rotation: 0 };
  const best = await bestRotation(fitWithin(page, OCR_LIMITS.orientationLongSide), recognize);
  if (best === 0) return { ...upright, rotation: 0 };
  const turned = await recognize(transform(page, best));
  return turned.confidence > upright.confidence ? { ...turned, rotation: best } : { ...upright, rotation: 0 };
}

/** The turn whose reading of the small copy is clearly more confident than upright (else 0). */
async function bestRotation(small: Raster, recognize: Recognize): Promise<Rotation> {
  const uprightScore = (await recognize(small)).confidence;
  let best: Rotation = 0;
  let bestScore = uprightScore + OCR_LIMITS.orientationMargin - 1;
  for (const rotation of [90, 180, 270] as const) {
    const score = (await recognize(transform(small, rotation))).confidence;
    if (score > bestScore) (best = rotation), (bestScore = score);
  }
  return best;
}
