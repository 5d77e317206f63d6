// pdf.js builds a DOMMatrix when its display module loads, and its worker uses one for Type3
// glyph outlines. In Node those come from @napi-rs/canvas, which Dossier does not ship (text and
// pictures are taken from PDFs without rendering). This 2D affine matrix is enough for both uses.

type Init = ArrayLike<number> | undefined;

export class DOMMatrix2D {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (init && init.length >= 6) this.set(init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!);
  }

  get is2D(): boolean {
    return true;
  }

  multiplySelf(m: DOMMatrix2D): this {
    return this.set(this.a * m.a + this.c * m.b, this.b * m.a + this.d * m.b, this.a * m.c + this.c * m.d, this.b * m.c + this.d * m.d, this.a * m.e + this.c * m.f + this.e, this.b * m.e + this.d * m.f + this.f);
  }

  preMultiplySelf(m: DOMMatrix2D): this {
    return this.set(m.a * this.a + m.c * this.b, m.b * this.a + m.d * this.b, m.a * this.c + m.c * this.d, m.b * this.c + m.d * this.d, m.a * this.e + m.c * this.f + m.e, m.b * this.e + m.d * this.f + m.f);
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf(new DOMMatrix2D([1, 0, 0, 1, tx, ty]));
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new DOMMatrix2D([sx, 0, 0, sy, 0, 0]));
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    const { a, b, c, d, e, f } = this;
    return this.set(d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det);
  }

  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
}

/** Installs the stand-in where no DOMMatrix exists (Node without @napi-rs/canvas). */
export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  g.DOMMatrix ??= DOMMatrix2D;
}
