import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBundle } from '../../electron/core/bundle/write-bundle.js';
import { verifyBundle } from '../../electron/core/bundle/verify.js';
import { readDicomdir } from '../../electron/core/dicom/dicomdir-read.js';
import { isIsoPath } from '../../electron/core/bundle/iso-names.js';
import type { BundleProgress } from '../../electron/core/bundle/types.js';
import { makeBundleInput, memorySource } from '../fixtures/bundle/input.js';
import { VIEWER_SCRIPT, VIEWER_SCRIPT_HASH } from '../../electron/core/bundle/index-viewer.js';
import { makeSummaryBundle } from '../fixtures/documents/fhir.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bundle-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listAll(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listAll(dir, path)));
    else out.push(path);
  }
  return out.sort();
}

describe('writeBundle to a folder', () => {
  let dest: string;
  const progress: BundleProgress[] = [];
  beforeAll(async () => {
    dest = join(root, 'stick');
    await writeBundle(makeBundleInput(), { kind: 'folder', path: dest }, {}, (p) => progress.push(p));
  });

  it('writes the PDI/XDM layout at the destination root with ISO names and nothing else', async () => {
    const files = await listAll(dest);
    expect(files).toEqual([
      'DICOM/PT000000/ST000000/SE000000/IM000000',
      'DICOM/PT000000/ST000000/SE000000/IM000001',
      'DICOM/PT000000/ST000000/SE000000/IM000002',
      'DICOM/PT000000/ST000000/SE000001/IM000000',
      'DICOMDIR',
      'FHIR/BUNDLE.JSN',
      'FHIR/IPS.JSN',
      'IHE_XDM/SUBSET01/DOC00001.PDF',
      'IHE_XDM/SUBSET01/DOC00002.JPG',
      'IHE_XDM/SUBSET01/DOC00003.PDF',
      'IHE_XDM/SUBSET01/METADATA.XML',
      'INDEX.HTM',
      'MANIFEST.TXT',
      'PREVIEW/SER00001.JPG',
      'PREVIEW/SER00002.JPG',
      'README.TXT',
      'SUMMARY.PDF',
      'VIEWER/SER00001/IMG00001.JPG',
      'VIEWER/SER00001/IMG00002.JPG',
      'VIEWER/SER00001/IMG00003.JPG',
      'VIEWER/SER00002/IMG00001.JPG',
    ]);
    for (const f of files) expect(isIsoPath(f), f).toBe(true);
    const last = progress.at(-1)!;
    expect(last.filesDone).toBe(files.length);
    expect(last.bytesDone).toBeGreaterThanOrEqual(last.bytesTotal * 0.5);
  });

  it('copies DICOM byte for byte, indexes it in the DICOMDIR, and verifies ok', async () => {
    const input = makeBundleInput();
    const original = await collect(input.studies[0]!.series[0]!.instances[1]!.source.open());
    expect(await readFile(join(dest, 'DICOM/PT000000/ST000000/SE000000/IM000001'))).toEqual(Buffer.from(original));
    const dicomdir = readDicomdir(await readFile(join(dest, 'DICOMDIR')));
    expect(dicomdir.files.map((f) => f.fileId).sort()).toContain('DICOM/PT000000/ST000000/SE000001/IM000000');
    expect(await verifyBundle(dest)).toEqual({ ok: true, problems: [], fileCount: 21 });
    // The manifest is plain sha256sum format.
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'MANIFEST.TXT'], { cwd: dest }).toString()).toBe('');
  });

  it('writes README (UTF-8 with BOM, CRLF), INDEX (strict CSP, links, viewer tiles), XDM and FHIR', async () => {
    const raw = await readFile(join(dest, 'README.TXT'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const readme = raw.toString('utf8').slice(1);
    expect(readme).toMatch(/Jane Doe/);
    expect(readme.split('\r\n').length).toBeGreaterThan(20);
    expect(readme.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000-\u001f]/);
    const html = await readFile(join(dest, 'INDEX.HTM'), 'utf8');
    expect(html).toContain(`content="default-src 'none';`);
    // One script, the image viewer, allowed by its hash; nothing remote.
    expect(html.split('<script').length - 1).toBe(1);
    expect(html).toContain(`<script>${VIEWER_SCRIPT}</script>`);
    expect(html).toContain(`script-src ${VIEWER_SCRIPT_HASH};`);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).toContain('href="IHE_XDM/SUBSET01/DOC00001.PDF"');
    expect(html).toContain('src="VIEWER/SER00001/IMG00001.JPG"');
    expect(html).toContain('data-dir="VIEWER/SER00001/" data-count="3"');
    // Series 2's only instance has no pixels: its one image is marked as not renderable.
    expect(html).toContain('data-dir="VIEWER/SER00002/" data-count="1" data-what="CT series 2 Series 2" data-missing="1"');
    expect(html.indexOf('What is the nodule?')).toBeLessThan(html.indexOf('Should we wait?'));
    const xml = await readFile(join(dest, 'IHE_XDM/SUBSET01/METADATA.XML'), 'utf8');
    const pdf = await readFile(join(dest, 'IHE_XDM/SUBSET01/DOC00001.PDF'));
    const { createHash } = await import('node:crypto');
    expect(xml).toContain(`<rim:Value>${createHash('sha1').update(pdf).digest('hex')}</rim:Value>`);
    expect(xml).toContain('<rim:Value>DOC00001.PDF</rim:Value>');
    expect(xml.match(/<rim:ExtrinsicObject /g)).toHaveLength(3);
    const fhir = JSON.parse(await readFile(join(dest, 'FHIR/BUNDLE.JSN'), 'utf8'));
    expect(fhir.type).toBe('collection');
    const types = fhir.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    expect(types).toEqual(['Patient', 'DocumentReference', 'DocumentReference', 'DocumentReference', 'ImagingStudy', 'Communication']);
    const doc = fhir.entry[1].resource.content[0].attachment;
    expect(doc).toMatchObject({ url: 'IHE_XDM/SUBSET01/DOC00001.PDF', contentType: 'application/pdf', size: pdf.byteLength });
    expect(doc.hash).toBe(createHash('sha1').update(pdf).digest('base64'));
    expect(fhir.entry[4].resource.series[0].instance).toHaveLength(3);
  });

  it('names every file whose byte is flipped, and missing / extra files', async () => {
    const files = await listAll(dest);
    for (const file of files) {
      const path = join(dest, file);
      const bytes = await readFile(path);
      const flipped = Buffer.from(bytes);
      const at = Math.floor(flipped.length / 2);
      flipped[at] = flipped[at]! ^ 0x01;
      await writeFile(path, flipped);
      const result = await verifyBundle(dest);
      await writeFile(path, bytes);
      expect(result.ok, file).toBe(false);
      if (file !== 'MANIFEST.TXT') expect(result.problems.join('\n'), file).toContain(`changed file: ${file}`);
    }
    expect((await verifyBundle(dest)).ok).toBe(true);

    const doc = join(dest, 'IHE_XDM/SUBSET01/DOC00002.JPG');
    const saved = await readFile(doc);
    await unlink(doc);
    await writeFile(join(dest, 'DICOM/PT000000/EXTRA'), 'x');
    const result = await verifyBundle(dest);
    await writeFile(doc, saved);
    await unlink(join(dest, 'DICOM/PT000000/EXTRA'));
    expect(result.problems).toEqual([
      'missing file: IHE_XDM/SUBSET01/DOC00002.JPG',
      'extra file not in the manifest: DICOM/PT000000/EXTRA',
    ]);
  });

  it('reports a DICOMDIR reference to a missing file even when the manifest agrees', async () => {
    const im = 'DICOM/PT000000/ST000000/SE000001/IM000000';
    const bytes = await readFile(join(dest, im));
    const manifest = await readFile(join(dest, 'MANIFEST.TXT'), 'utf8');
    await unlink(join(dest, im));
    await writeFile(join(dest, 'MANIFEST.TXT'), manifest.split('\n').filter((l) => !l.endsWith(im)).join('\n'));
    const result = await verifyBundle(dest);
    await writeFile(join(dest, im), bytes);
    await writeFile(join(dest, 'MANIFEST.TXT'), manifest);
    expect(result.problems).toEqual([`DICOMDIR refers to a missing file: ${im}`]);
  });

  it('refuses to write over an existing bundle unless asked to', async () => {
    await expect(writeBundle(makeBundleInput(), { kind: 'folder', path: dest })).rejects.toThrow(
      /already holds a bundle \(DICOM, IHE_XDM, FHIR, PREVIEW, VIEWER, DICOMDIR, INDEX.HTM, README.TXT, SUMMARY.PDF, MANIFEST.TXT\)/,
    );
    await writeFile(join(dest, 'holiday.jpg'), 'user file');
    await writeBundle(makeBundleInput({ documents: [] }), { kind: 'folder', path: dest }, { overwrite: true });
    const files = await listAll(dest);
    expect(files).toContain('holiday.jpg');
    expect(files.some((f) => f.startsWith('IHE_XDM'))).toBe(false);
    expect(files.some((f) => f.startsWith('.dossier-partial'))).toBe(false);
    expect((await verifyBundle(dest)).ok).toBe(true);
  });
});

describe('writeBundle to a zip', () => {
  it('writes a zip that unzip -t accepts and verify passes', async () => {
    const out = join(root, 'plain.zip');
    const result = await writeBundle(makeBundleInput(), { kind: 'zip', path: out });
    expect(result.path).toBe(out);
    expect(execFileSync('unzip', ['-t', out]).toString()).toMatch(/No errors detected/);
    expect(await verifyBundle(out)).toEqual({ ok: true, problems: [], fileCount: 21 });
    expect((await readdir(root)).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('AES-encrypts every entry: verify needs the right password', async () => {
    const out = join(root, 'secret.zip');
    await writeBundle(makeBundleInput(), { kind: 'zip', path: out }, { password: 'pw-for-doctor' });
    expect((await verifyBundle(out, { password: 'pw-for-doctor' })).ok).toBe(true);
    await expect(verifyBundle(out)).rejects.toThrow('This zip is password-protected: give its password to verify it.');
    await expect(verifyBundle(out, { password: 'wrong' })).rejects.toThrow('Wrong password for this zip.');
  });
});

describe('INDEX.HTM escapes user data', () => {
  it('never lets a <script> in a title, question or file name through', async () => {
    const evil = '<script>alert(1)</script>"\'&';
    const input = makeBundleInput();
    input.case!.title = evil;
    input.case!.questions = [evil];
    input.documents[0]!.title = evil;
    input.documents[0]!.fileName = `${evil}.pdf`;
    input.studies[0]!.description = evil;
    const dest = join(root, 'escape');
    await writeBundle(input, { kind: 'folder', path: dest });
    const html = await readFile(join(dest, 'INDEX.HTM'), 'utf8');
    // The page's own viewer script is the only one.
    expect(html.replace(`<script>${VIEWER_SCRIPT}</script>`, '')).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    const xml = await readFile(join(dest, 'IHE_XDM/SUBSET01/METADATA.XML'), 'utf8');
    expect(xml).not.toContain('<script');
  });
});

describe('a failure mid-write leaves no bundle and says why', () => {
  const cases: [string, Error & { code?: string }, RegExp][] = [
    ['ENOSPC', Object.assign(new Error('write failed'), { code: 'ENOSPC' }), /^Not enough space on the destination\.$/],
    ['EIO', Object.assign(new Error('i/o'), { code: 'EIO' }), /^The destination disappeared \(was the USB stick removed\?\)\.$/],
    ['EROFS', Object.assign(new Error('ro'), { code: 'EROFS' }), /^Cannot write to the destination \(read-only, or no permission\)\.$/],
    ['plain', new Error('vault blob damaged'), /^vault blob damaged$/],
  ];
  for (const kind of ['folder', 'zip'] as const) {
    for (const [name, error, message] of cases) {
      it(`${kind}: ${name}`, async () => {
        const input = makeBundleInput();
        const doc = input.documents[1]!;
        doc.source = memorySource(new Uint8Array(10_000), { failAfterBytes: 4096, error });
        const dir = join(root, `fail-${kind}-${name}`);
        const path = kind === 'zip' ? join(dir, 'out.zip') : dir;
        if (kind === 'zip') await import('node:fs/promises').then((fs) => fs.mkdir(dir));
        await expect(writeBundle(input, { kind, path })).rejects.toThrow(message);
        expect(await listAll(dir)).toEqual([]);
      });
    }
  }

  it('a failed overwrite leaves the old bundle in place, complete and verifying', async () => {
    const dest = join(root, 'overwrite-fails');
    await writeBundle(makeBundleInput(), { kind: 'folder', path: dest });
    const before = await listAll(dest);
    const input = makeBundleInput();
    input.documents[1]!.source = memorySource(new Uint8Array(10_000), { failAfterBytes: 4096, error: Object.assign(new Error('x'), { code: 'EIO' }) });
    await expect(writeBundle(input, { kind: 'folder', path: dest }, { overwrite: true })).rejects.toThrow(/disappeared/);
    expect(await listAll(dest)).toEqual(before);
    expect((await verifyBundle(dest)).ok).toBe(true);
  });

  it('refuses up front when the destination has too little space', async () => {
    const input = makeBundleInput();
    input.documents[0]!.source = { size: 2 ** 52, open: () => (async function* () {})() };
    const dest = join(root, 'too-small');
    await expect(writeBundle(input, { kind: 'folder', path: dest })).rejects.toThrow(/^Not enough space on the destination: the bundle needs about/);
  });
});

async function collect(stream: NodeJS.ReadableStream | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream as AsyncIterable<Uint8Array>) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('reportsAsDicom', () => {
  it('wraps each PDF as Encapsulated PDF in its own series, referenced from the DICOMDIR', async () => {
    const dest = join(root, 'encap');
    await writeBundle(makeBundleInput(), { kind: 'folder', path: dest }, { reportsAsDicom: true });
    const files = await listAll(dest);
    expect(files).toContain('DICOM/PT000000/ST000001/SE000000/IM000000');
    expect(files).toContain('DICOM/PT000000/ST000001/SE000001/IM000000');
    expect(files).not.toContain('DICOM/PT000000/ST000001/SE000002/IM000000'); // the JPEG is not wrapped
    const ids = readDicomdir(await readFile(join(dest, 'DICOMDIR'))).files.map((f) => f.fileId);
    expect(ids).toContain('DICOM/PT000000/ST000001/SE000001/IM000000');
    const wrapped = await readFile(join(dest, 'DICOM/PT000000/ST000001/SE000000/IM000000'));
    expect(wrapped.subarray(128, 132).toString('latin1')).toBe('DICM');
    expect((await verifyBundle(dest)).ok).toBe(true);
  });
});

describe('readable copies of C-CDA and FHIR documents', () => {
  it('writes VIEWER/DOCnnnnn.HTM from the sections model, escaped, linked to the original; a damaged one says so', async () => {
    const fhir = new TextEncoder().encode(JSON.stringify(makeSummaryBundle()));
    const input = makeBundleInput({
      studies: [],
      documents: [
        { recordId: 'f1', title: 'Portal summary', type: 'lab', mimeType: 'application/fhir+json', fileName: 'summary.json', viewFormat: 'fhir-json', source: memorySource(fhir) },
        { recordId: 'c1', title: 'Broken <b>CDA</b>', type: 'letter', mimeType: 'text/xml', fileName: 'broken.xml', viewFormat: 'cda', source: memorySource(new TextEncoder().encode('<html>not a CDA</html>')) },
      ],
    });
    const dest = join(root, 'copies');
    await writeBundle(input, { kind: 'folder', path: dest });
    const files = await listAll(dest);
    expect(files.filter((f) => f.startsWith('VIEWER/'))).toEqual(['VIEWER/DOC00001.HTM', 'VIEWER/DOC00002.HTM']);
    const page = await readFile(join(dest, 'VIEWER/DOC00001.HTM'), 'utf8');
    expect(page).toContain('<h2>Medications</h2>');
    expect(page).toContain('<td>Tamoxifen 20 mg tablet</td>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('href="../IHE_XDM/SUBSET01/DOC00001.JSN"');
    expect(page).not.toMatch(/<script|<img|onclick/); // the narrative's markup is text now
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    const broken = await readFile(join(dest, 'VIEWER/DOC00002.HTM'), 'utf8');
    expect(broken).toContain('Broken &lt;b&gt;CDA&lt;/b&gt;');
    expect(broken).toContain('could not turn this document into a page');
    const index = await readFile(join(dest, 'INDEX.HTM'), 'utf8');
    expect(index).toContain('<a href="VIEWER/DOC00001.HTM">Portal summary</a>');
    expect(index).toContain('<a href="IHE_XDM/SUBSET01/DOC00001.JSN">original JSON</a>');
    expect((await verifyBundle(dest)).ok).toBe(true);
  });
});
