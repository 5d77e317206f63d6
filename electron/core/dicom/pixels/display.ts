// The attributes that say how to display a frame: modality transform, VOI windows and LUTs,
// pixel spacing. Enhanced multi-frame objects keep them per frame in functional groups
// (PS3.3 C.7.6.16), so each is looked up in the frame's group, the shared group, then the top level.
import type { ModalityTransform, Voi, VoiLutFunction, Window } from '../../../../shared/imaging/frame.js';
import type { DecodedFrame } from '../../../../shared/imaging/frame.js';
import type { DataSet } from '../dicom-parser-lib.js';
import { HeaderReader } from '../parse.js';
import { readLutItem, sequenceItems } from './luts.js';

const SHARED_GROUPS = 'x52009229';
const PER_FRAME_GROUPS = 'x52009230';
const PIXEL_VALUE_TRANSFORMATION = 'x00289145';
const FRAME_VOI_LUT = 'x00289132';
const PIXEL_MEASURES = 'x00289110';
const MODALITY_LUT_SEQUENCE = 'x00283000';
const VOI_LUT_SEQUENCE = 'x00283010';

/** Where to look for a functional group macro's attributes, most specific first. */
function sources(ds: DataSet, frame: number, macro: string): DataSet[] {
  const perFrame = sequenceItems(ds, PER_FRAME_GROUPS)[frame];
  const shared = sequenceItems(ds, SHARED_GROUPS)[0];
  const fromGroups = [perFrame, shared].flatMap((g) => (g ? sequenceItems(g, macro).slice(0, 1) : []));
  return [...fromGroups, ds];
}

function firstWith(candidates: DataSet[], tag: string): DataSet | undefined {
  return candidates.find((c) => tag in c.elements);
}

/** A DS/IS attribute's values as numbers (non-numbers dropped). */
function numbers(ds: DataSet | undefined, tag: string): number[] {
  const text = ds && new HeaderReader(ds).text(tag);
  return (text ?? '').split('\\').map((v) => Number.parseFloat(v)).filter((v) => Number.isFinite(v));
}

export function readModality(ds: DataSet, frame: number, signed: boolean): ModalityTransform {
  const lutItem = sequenceItems(ds, MODALITY_LUT_SEQUENCE)[0];
  const lut = lutItem && readLutItem(lutItem, signed);
  const at = sources(ds, frame, PIXEL_VALUE_TRANSFORMATION);
  const type = new HeaderReader(firstWith(at, 'x00281054') ?? ds).text('x00281054');
  if (lut) return { kind: 'lut', lut, ...(type ? { type } : {}) };
  const slope = numbers(firstWith(at, 'x00281053'), 'x00281053')[0];
  const intercept = numbers(firstWith(at, 'x00281052'), 'x00281052')[0];
  return { kind: 'rescale', slope: slope || 1, intercept: intercept ?? 0, ...(type ? { type } : {}) };
}

function voiFunction(ds: DataSet | undefined): VoiLutFunction {
  const value = ds && new HeaderReader(ds).text('x00281056')?.toUpperCase();
  return value === 'LINEAR_EXACT' || value === 'SIGMOID' ? value : 'LINEAR';
}

export function readVoi(ds: DataSet, frame: number, signed: boolean): Voi {
  const at = sources(ds, frame, FRAME_VOI_LUT);
  const source = firstWith(at, 'x00281050');
  const centers = numbers(source, 'x00281050');
  const widths = numbers(source, 'x00281051');
  const explanations = (source && new HeaderReader(source).text('x00281055')?.split('\\')) ?? [];
  const windows: Window[] = centers.flatMap((center, i) => {
    const width = widths[i] ?? widths[0];
    const explanation = explanations[i]?.trim();
    return width !== undefined && width > 0 ? [{ center, width, ...(explanation ? { explanation } : {}) }] : [];
  });
  const luts = sequenceItems(ds, VOI_LUT_SEQUENCE).flatMap((item) => readLutItem(item, signed) ?? []);
  return { windows, luts, function: voiFunction(firstWith(at, 'x00281056')) };
}

type Geometry = Pick<DecodedFrame, 'pixelSpacing' | 'aspectRatio'>;

export function readGeometry(ds: DataSet, frame: number): Geometry {
  const measures = firstWith(sources(ds, frame, PIXEL_MEASURES), 'x00280030');
  const spacing = numbers(measures, 'x00280030');
  const imager = numbers(ds, 'x00181164');
  const [row, column] = spacing.length === 2 ? spacing : imager;
  if (row !== undefined && column !== undefined && row > 0 && column > 0) {
    return { pixelSpacing: { row, column, source: spacing.length === 2 ? 'pixel-spacing' : 'imager-pixel-spacing' } };
  }
  const [vertical, horizontal] = numbers(ds, 'x00280034');
  if (vertical !== undefined && horizontal !== undefined && vertical > 0 && horizontal > 0) return { aspectRatio: { vertical, horizontal } };
  return {};
}
