// The viewer's pure rules (renderer/src/viewer/): keys and wheel → images, drag → window, fit and
// CSS transform, the frame cache's byte bound, and find-in-PDF over text items.
import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../../shared/imaging/frame.js';
import type { FrameResult } from '../../shared/imaging/series.js';
import { FrameCache } from '../../renderer/src/viewer/frame-cache.js';
import { findMatches, highlightsOn, pageText } from '../../renderer/src/viewer/pdf-find.js';
import { IDENTITY_TRANSFORM, WheelSteps, cssTransform, dragWindow, fitScale, indexForKey, presetsFor, rotated, zoomed } from '../../renderer/src/viewer/view-state.js';
import { windowForChoice } from '../../renderer/src/viewer/window-choice.js';

const frame = (bytes: number, extra: Partial<DecodedFrame> = {}): FrameResult => ({
  ok: true,
  frame: {
    rows: 1,
    columns: bytes / 2,
    kind: 'gray',
    sampleType: 'i16',
    samples: new Int16Array(bytes / 2),
    bitsStored: 16,
    modality: { kind: 'rescale', slope: 1, intercept: 0 },
    voi: { windows: [{ center: 40, width: 400 }], luts: [], function: 'LINEAR' },
    invert: false,
    storedMin: -1000,
    storedMax: 3000,
    min: -1000,
    max: 3000,
    photometric: 'MONOCHROME2',
    frameIndex: 0,
    frameCount: 1,
    ...extra,
  },
});

describe('navigation', () => {
  it('maps keys to images, clamped to the series', () => {
    expect(indexForKey('ArrowDown', 0, 5)).toBe(1);
    expect(indexForKey('ArrowUp', 0, 5)).toBe(0);
    expect(indexForKey('PageDown', 0, 50)).toBe(10);
    expect(indexForKey('PageDown', 45, 50)).toBe(49);
    expect(indexForKey('PageUp', 3, 50)).toBe(0);
    expect(indexForKey('Home', 30, 50)).toBe(0);
    expect(indexForKey('End', 3, 50)).toBe(49);
    expect(indexForKey('x', 3, 50)).toBeNull();
  });

  it('turns a mouse notch into one image and adds up touchpad deltas', () => {
    const w = new WheelSteps();
    expect(w.steps(100, 0)).toBe(1);
    expect(w.steps(-120, 0)).toBe(-1);
    expect(w.steps(3, 1)).toBe(2); // three lines
    expect([w.steps(20, 0), w.steps(20, 0), w.steps(20, 0)]).toEqual([0, 0, 1]);
  });
});

describe('window, fit and transform', () => {
  it('a drag right widens the window, down raises its centre; the width never drops below 1', () => {
    expect(dragWindow({ center: 40, width: 400 }, 10, -5, 2)).toEqual({ center: 30, width: 420 });
    expect(dragWindow({ center: 40, width: 4 }, -100, 0, 1).width).toBe(1);
  });

  it('offers CT presets for CT only; the file, full-range and preset choices', () => {
    expect(presetsFor('CT').map((p) => p.id)).toEqual(['soft-tissue', 'lung', 'bone', 'brain']);
    expect(presetsFor('MR')).toEqual([]);
    const f = frame(8);
    if (!f.ok) throw new Error('fixture');
    expect(windowForChoice('file', f.frame)).toEqual({ center: 40, width: 400 });
    expect(windowForChoice('lung', f.frame)).toEqual({ center: -600, width: 1500 });
    expect(windowForChoice('full', f.frame)).toEqual({ center: 1000.5, width: 4001 });
  });

  it('fits the rotated image in the box and writes the CSS transform', () => {
    expect(fitScale({ width: 800, height: 400 }, { columns: 200, rows: 200 }, 1, 0)).toBe(2);
    expect(fitScale({ width: 800, height: 400 }, { columns: 400, rows: 100 }, 1, 90)).toBe(1);
    expect(cssTransform({ ...IDENTITY_TRANSFORM, panX: 5, flipH: true, rotation: 90 }, 2, 0.5)).toBe('translate(5px, 0px) scale(-1, 1) rotate(90deg) scale(2, 1)');
    expect(rotated(0, -90)).toBe(270);
    expect(rotated(270, 90)).toBe(0);
    expect(zoomed(IDENTITY_TRANSFORM, 1000).zoom).toBe(16);
  });
});

describe('FrameCache', () => {
  it('keeps within its byte budget, least recently used out', () => {
    const cache = new FrameCache(3 * (1024 + 512));
    for (const k of ['a', 'b', 'c']) cache.set(k, frame(1024));
    cache.get('a');
    cache.set('d', frame(1024));
    expect(['a', 'b', 'c', 'd'].map((k) => cache.has(k))).toEqual([true, false, true, true]);
    expect(cache.bytes).toBeLessThanOrEqual(3 * (1024 + 512));
  });
});

describe('find in a PDF', () => {
  const page1 = pageText([{ str: 'Plan: start ' }, { str: 'Zanthoxylum', hasEOL: true }, { str: 'trial next week' }]);
  const page2 = pageText([{ str: 'Café au lait spots' }, { str: 'zanthoxylum trial' }]);

  it('finds words case- and accent-blind, across items and lines, in reading order', () => {
    expect(findMatches([page1, page2], 'zanthoxylum')).toEqual([
      { page: 1, start: 12, end: 23 },
      { page: 2, start: 18, end: 29 },
    ]);
    expect(findMatches([page1, page2], 'cafe')).toEqual([{ page: 2, start: 0, end: 4 }]);
    expect(findMatches([page1], 'zanthoxylum   trial')).toEqual([{ page: 1, start: 12, end: 29 }]);
    expect(findMatches([page1], '  ')).toEqual([]);
    expect(findMatches([page1], '(.*)')).toEqual([]); // the query is text, not a pattern
  });

  it('cuts a match back into the items it covers, marking the current one', () => {
    const [m] = findMatches([page1], 'start zanthoxylum');
    expect(highlightsOn(page1, [m!], m!)).toEqual([
      { item: 0, from: 6, to: 12, current: true },
      { item: 1, from: 0, to: 11, current: true },
    ]);
  });
});
