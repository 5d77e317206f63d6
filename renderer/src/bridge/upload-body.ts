// The /upload body header, mirrored from electron/host/upload-format.ts (the renderer may not import
// from electron/): a 4-byte big-endian length, then JSON {files:[{name,size}]}; the bytes follow.
// test/host/host-checks.test.ts checks that the host parses what this builds.
export function encodeUploadHeader(files: { name: string; size: number }[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ files }));
  const out = new Uint8Array(4 + json.length);
  new DataView(out.buffer).setUint32(0, json.length);
  out.set(json, 4);
  return out;
}
