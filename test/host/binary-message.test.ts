// shared/binary-message.ts: typed arrays anywhere in a message survive the trip with their type
// and values; messages without them are left to JSON; malformed or hostile frames are refused
// (a path cannot reach a prototype, a segment cannot point outside the frame).
import { describe, expect, it } from 'vitest';
import { BinaryMessageError, packBinary, unpackBinary } from '../../shared/binary-message.js';

const roundTrip = (m: unknown): unknown => unpackBinary(packBinary(m)!);

/** A frame whose header is replaced by `header` (segments kept). */
function withHeader(header: unknown, payload = new Uint8Array(8)): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((8 + json.length) / 8) * 8;
  const out = new Uint8Array(start + payload.length).fill(0x20, 8 + json.length, start);
  out.set([0x44, 0x53, 0x42, 0x31]);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(payload, start);
  return out;
}

describe('binary messages', () => {
  it('round-trips nested typed arrays of every kind, at aligned offsets, values exact', () => {
    const msg = {
      id: 7,
      ok: true,
      value: {
        frame: { samples: Int16Array.from([-1024, 0, 3071]), rows: 1, modality: { lut: { data: Uint16Array.from([1, 65535]) } } },
        list: [Float32Array.from([0.5, -2]), Uint8Array.from([1, 2, 3]), 'text', null],
        bytes: Buffer.from('abc'),
        f64: Float64Array.from([Math.PI]),
      },
    };
    const back = roundTrip(msg) as typeof msg;
    expect(back.value.frame.samples).toBeInstanceOf(Int16Array);
    expect(Array.from(back.value.frame.samples)).toEqual([-1024, 0, 3071]);
    expect(Array.from(back.value.frame.modality.lut.data)).toEqual([1, 65535]);
    expect(Array.from(back.value.list[0] as Float32Array)).toEqual([0.5, -2]);
    expect(back.value.list.slice(2)).toEqual(['text', null]);
    expect(back.value.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(back.value.bytes)).toBe('abc');
    expect(back.value.f64[0]).toBe(Math.PI);
    expect(back.id).toBe(7);
  });

  it('copies a view out of a larger buffer, not the whole buffer', () => {
    const big = new Uint8Array(1 << 16);
    const packed = packBinary({ v: big.subarray(10, 14) })!;
    expect(packed.length).toBeLessThan(200); // header + 4 bytes, not 64 KiB
  });

  it('leaves messages without typed arrays to JSON', () => {
    expect(packBinary({ id: 1, method: 'vault.status', params: {} })).toBeNull();
  });

  it.each([
    ['not our magic', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])],
    ['a header longer than the frame', Uint8Array.from([0x44, 0x53, 0x42, 0x31, 0xff, 0xff, 0, 0])],
    ['a path into the prototype', withHeader({ m: { a: null }, b: [{ p: ['__proto__', 'polluted'], t: 'Uint8Array', o: 0, n: 1 }] })],
    ['a path to a slot that is not null', withHeader({ m: { a: 1 }, b: [{ p: ['a'], t: 'Uint8Array', o: 0, n: 1 }] })],
    ['a path to a missing slot', withHeader({ m: {}, b: [{ p: ['a', 'b'], t: 'Uint8Array', o: 0, n: 1 }] })],
    ['a segment past the end', withHeader({ m: { a: null }, b: [{ p: ['a'], t: 'Uint8Array', o: 0, n: 9 }] })],
    ['a length that is no whole number of elements', withHeader({ m: { a: null }, b: [{ p: ['a'], t: 'Uint16Array', o: 0, n: 3 }] })],
    ['an unknown array type', withHeader({ m: { a: null }, b: [{ p: ['a'], t: 'BigInt64Array', o: 0, n: 8 }] })],
    ['a header that is not JSON', withHeader('x').fill(0x7b, 8, 11)],
  ])('refuses %s', (_what, frame) => {
    expect(() => unpackBinary(frame)).toThrow(BinaryMessageError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
