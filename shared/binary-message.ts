// A message that carries typed arrays (decoded frames, file bytes, thumbnails) as one binary
// WebSocket frame instead of JSON number lists. Used by both ends of the browser host.
//
//   "DSB1" | u32 LE length of the JSON header | JSON header, space-padded to 8 bytes | segments
//
// The header is { m: the message with each typed array replaced by null, b: [{ p, t, o, n }] }:
// the path to the array, its type, and its segment's offset (from the end of the header, 8-byte
// aligned) and byte length. Paths are explicit, so no value in the message can pose as an array.

const MAGIC = [0x44, 0x53, 0x42, 0x31]; // "DSB1"
const ALIGN = 8;
const MAX_DEPTH = 64;

const ARRAY_TYPES = {
  Uint8Array,
  Int8Array,
  Uint8ClampedArray,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type PathSegment = string | number;

interface Segment {
  p: PathSegment[];
  t: ArrayTypeName;
  o: number;
  n: number;
}

export class BinaryMessageError extends Error {}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const padded = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

function typeName(view: ArrayBufferView): ArrayTypeName | undefined {
  const name = view.constructor.name;
  // Node's Buffer is a Uint8Array subclass: it travels as one.
  if (view instanceof Uint8Array && name !== 'Uint8ClampedArray') return 'Uint8Array';
  return name in ARRAY_TYPES ? (name as ArrayTypeName) : undefined;
}

/** Copies the message, replacing typed arrays by null and listing them with their paths. */
function strip(value: unknown, path: PathSegment[], found: { path: PathSegment[]; view: ArrayBufferView }[], depth: number): unknown {
  if (depth > MAX_DEPTH) throw new BinaryMessageError('message nested too deeply');
  if (ArrayBuffer.isView(value)) {
    if (!typeName(value)) throw new BinaryMessageError('unsupported binary value');
    found.push({ path, view: value });
    return null;
  }
  if (Array.isArray(value)) return value.map((v, i) => strip(v, [...path, i], found, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = strip(v, [...path, k], found, depth + 1);
    return out;
  }
  return value;
}

/** The message as one binary frame, or null when it holds no typed array (send it as JSON). */
export function packBinary(message: unknown): Uint8Array | null {
  const found: { path: PathSegment[]; view: ArrayBufferView }[] = [];
  const m = strip(message, [], found, 0);
  if (found.length === 0) return null;
  let offset = 0;
  const b: Segment[] = found.map(({ path, view }) => {
    const seg = { p: path, t: typeName(view) as ArrayTypeName, o: offset, n: view.byteLength };
    offset = padded(offset + view.byteLength);
    return seg;
  });
  const json = new TextEncoder().encode(JSON.stringify({ m, b }));
  const start = padded(8 + json.length);
  const out = new Uint8Array(start + offset).fill(0x20, 8 + json.length, start);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  found.forEach(({ view }, i) => out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), start + (b[i] as Segment).o));
  return out;
}

function isSegment(s: unknown): s is Segment {
  if (!s || typeof s !== 'object') return false;
  const { p, t, o, n } = s as Record<string, unknown>;
  const pathOk = Array.isArray(p) && p.length > 0 && p.length <= MAX_DEPTH && p.every((x) => (typeof x === 'string' && !FORBIDDEN_KEYS.has(x)) || (Number.isInteger(x) && (x as number) >= 0));
  return pathOk && typeof t === 'string' && Object.prototype.hasOwnProperty.call(ARRAY_TYPES, t) && Number.isInteger(o) && Number.isInteger(n) && (o as number) >= 0 && (n as number) >= 0;
}

/** Puts `array` where the path says; the slot must exist and hold null. */
function place(root: unknown, path: PathSegment[], array: ArrayBufferView): void {
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!parent || typeof parent !== 'object' || !Object.prototype.hasOwnProperty.call(parent, key)) throw new BinaryMessageError('binary path not in message');
    parent = (parent as Record<PathSegment, unknown>)[key];
  }
  const last = path[path.length - 1] as PathSegment;
  if (!parent || typeof parent !== 'object' || !Object.prototype.hasOwnProperty.call(parent, last) || (parent as Record<PathSegment, unknown>)[last] !== null) {
    throw new BinaryMessageError('binary path not in message');
  }
  (parent as Record<PathSegment, unknown>)[last] = array;
}

function readHeader(frame: Uint8Array): { m: unknown; b: unknown; start: number } {
  if (frame.length < 8 || MAGIC.some((byte, i) => frame[i] !== byte)) throw new BinaryMessageError('not a Dossier binary message');
  const length = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(4, true);
  if (8 + length > frame.length) throw new BinaryMessageError('binary message header cut short');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(8, 8 + length)));
  } catch {
    throw new BinaryMessageError('binary message header is not JSON');
  }
  const { m, b } = (header ?? {}) as { m?: unknown; b?: unknown };
  return { m, b, start: padded(8 + length) };
}

/**
 * The message a binary frame carries, typed arrays restored. `owned`: the frame's buffer belongs to
 * the caller alone (a received WebSocket message), so the arrays may be views into it instead of
 * copies; otherwise (a Node Buffer, perhaps from a shared pool) each array gets a buffer of its own.
 */
export function unpackBinary(frame: Uint8Array, options: { owned?: boolean } = {}): unknown {
  const { m, b, start } = readHeader(frame);
  if (!Array.isArray(b) || !b.every(isSegment)) throw new BinaryMessageError('binary message lists malformed segments');
  for (const seg of b) {
    const Type = ARRAY_TYPES[seg.t];
    const from = start + seg.o;
    if (from + seg.n > frame.length || seg.n % Type.BYTES_PER_ELEMENT !== 0) throw new BinaryMessageError('binary segment out of range');
    const at = frame.byteOffset + from;
    if (options.owned && at % Type.BYTES_PER_ELEMENT === 0) place(m, seg.p, new Type(frame.buffer as ArrayBuffer, at, seg.n / Type.BYTES_PER_ELEMENT));
    else place(m, seg.p, new Type(new Uint8Array(frame.subarray(from, from + seg.n)).buffer, 0, seg.n / Type.BYTES_PER_ELEMENT)); // a copy (Buffer#slice would share)
  }
  return m;
}
