// The DOMMatrix stand-in that lets pdf.js load without @napi-rs/canvas: 2D affine maths as the
// DOM Geometry spec defines it (multiplySelf post-multiplies; translate/scale are post-multiplied).
import { describe, it, expect } from 'vitest';
import { DOMMatrix2D } from '../../electron/core/documents/dommatrix-2d.js';

const parts = (m: DOMMatrix2D) => [m.a, m.b, m.c, m.d, m.e, m.f];
/** Where the matrix sends the point (x, y). */
const apply = (m: DOMMatrix2D, x: number, y: number) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];

describe('DOMMatrix2D', () => {
  it('starts as the identity, or from six numbers', () => {
    expect(parts(new DOMMatrix2D())).toEqual([1, 0, 0, 1, 0, 0]);
    expect(parts(new DOMMatrix2D([2, 0, 0, 3, 4, 5]))).toEqual([2, 0, 0, 3, 4, 5]);
  });

  it('scales then translates as pdf.js uses it for Type3 glyphs (the translate applies first to points)', () => {
    const m = new DOMMatrix2D().scaleSelf(1 / 10, -1 / 20).translateSelf(0, -20);
    expect(apply(m, 0, 0)).toEqual([0, 1]);
    expect(apply(m, 10, 20)).toEqual([1, 0]);
  });

  it('multiplies, pre-multiplies and inverts', () => {
    const rotate = new DOMMatrix2D([0, 1, -1, 0, 0, 0]);
    const shift = new DOMMatrix2D([1, 0, 0, 1, 5, 0]);
    expect(apply(new DOMMatrix2D().multiplySelf(shift).multiplySelf(rotate), 1, 0)).toEqual([5, 1]);
    expect(apply(new DOMMatrix2D().multiplySelf(rotate).preMultiplySelf(shift), 1, 0)).toEqual([5, 1]);
    const m = new DOMMatrix2D([2, 1, 1, 3, 4, 5]);
    const round = (v: number[]) => v.map((x) => Math.round(x * 1e9) / 1e9 + 0);
    expect(round(parts(new DOMMatrix2D([2, 1, 1, 3, 4, 5]).invertSelf().multiplySelf(m)))).toEqual([1, 0, 0, 1, 0, 0]);
    expect(parts(new DOMMatrix2D([1, 2, 2, 4, 0, 0]).invertSelf()).every(Number.isNaN)).toBe(true);
  });
});
