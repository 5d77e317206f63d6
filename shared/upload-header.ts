// The browser host's /upload body starts with this header: a 4-byte big-endian length, then JSON
// {files:[{name,size}]}; every file's bytes follow back to back (electron/host/upload-format.ts
// parses it). Shared so the renderer and the host cannot drift apart.
export function encodeUploadHeader(files: { name: string; size: number }[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ files }));
  const out = new Uint8Array(4 + json.length);
  new DataView(out.buffer).setUint32(0, json.length);
  out.set(json, 4);
  return out;
}
