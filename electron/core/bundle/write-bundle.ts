// Writes a second-opinion bundle to a folder (USB stick root) or a .zip: free-space check, copy
// DICOM files and documents (hashing as they stream), previews, the generated index files, and
// MANIFEST.TXT last; then the sink makes it all visible at once. Any failure leaves nothing that
// looks like a bundle and surfaces as a clear DossierError.
import { createHash, randomBytes } from 'node:crypto';
import { open, rm, stat, statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defaultDicomServices, type DicomServices } from './dicom-services.js';
import { dicomDate, type ExtraStudy } from './dicomdir-input.js';
import { destinationError, destinationFull } from './errors.js';
import { DossierError } from '../base/errors.js';
import { DOSSIER_SOURCE_OID, type BundleFacts } from './facts.js';
import { newUid } from '../base/ids.js';
import { InFlight } from '../base/in-flight.js';
import { bundleFiles } from './file-list.js';
import { generatedFilesOf } from './generated-files.js';
import { buildManifest, type ManifestEntry } from './manifest.js';
import { PATHS } from './paths.js';
import { planBundle, type BundlePlan, type PlannedDocument } from './plan.js';
import { patientAt } from './patients.js';
import { renderedDocument } from './document-html.js';
import type { ViewerImage } from './viewer-plan.js';
import type { ImagesRequest, RenderedImages } from '../dicom/preview.js';
import type { BundleSink } from './sink.js';
import { createFolderSink } from './sink-folder.js';
import { createZipSink } from './sink-zip.js';
import type { BundleFileSource, BundleInput, BundleOptions, ProgressCallback, WriteBundleResult } from './types.js';

export type BundleDestination = { kind: 'folder'; path: string } | { kind: 'zip'; path: string };

/** A series' preview is rendered from its middle instance, read into memory up to this size. */
export const MAX_PREVIEW_SOURCE_BYTES = 64 * 1024 * 1024;
/** An instance's viewer images are rendered from it in memory up to this size (placeholders beyond). */
export const MAX_VIEWER_SOURCE_BYTES = 512 * 1024 * 1024;
const MiB = 1024 * 1024;
/** Room kept free beyond the files: 1 MiB plus 5% of the payload, at most 16 MiB (a small bundle fits a nearly full stick). */
const MARGIN = { base: MiB, share: 0.05, max: 16 * MiB };
/** FAT32 sticks allocate 32 KiB clusters: each small file costs up to that much extra. */
const PER_FILE_SLACK = 32 * 1024;

export async function writeBundle(
  input: BundleInput,
  dest: BundleDestination,
  options: BundleOptions = {},
  onProgress: ProgressCallback = () => undefined,
  services: DicomServices = defaultDicomServices,
): Promise<WriteBundleResult> {
  if (options.reportsAsDicom && !services.wrapPdfAsDicom) {
    throw new DossierError('invalid-params', 'Reports as DICOM (Encapsulated PDF) are not available in this version.');
  }
  if (options.password && dest.kind !== 'zip') {
    throw new DossierError('invalid-params', 'A password can only be set for a zip file.');
  }
  const plan = planBundle(input, options);
  const files = bundleFiles(plan);
  const payloadBytes = files.reduce((n, f) => n + (f.bytes ?? 0), 0);
  await checkDestination(dest.kind === 'zip' ? dirname(dest.path) : dest.path, dest.kind === 'folder', payloadBytes, files.length);

  const sink =
    dest.kind === 'zip'
      ? await createZipSink(dest.path, { overwrite: options.overwrite, ...(options.password ? { password: options.password } : {}) })
      : await createFolderSink(dest.path, { overwrite: options.overwrite });
  const writer = new TrackingWriter(sink, onProgress, files.length, payloadBytes);
  try {
    const facts = newFacts();
    await writeImages(plan, writer, services, facts);
    const extraStudies = await writeDocuments(input, plan, writer, services, facts);
    for (const g of generatedFilesOf(plan)) await writer.writeBytes(g.path, await g.build({ input, plan, facts, services, extraStudies }), { compress: g.compress });
    await writer.writeBytes(PATHS.manifest, text(buildManifest(writer.manifest)), { compress: true, inManifest: false });
    if (writer.filesDone !== files.length) throw new Error(`wrote ${writer.filesDone} files, planned ${files.length}`);
    await sink.commit();
    return { path: sink.finalPath, fileCount: writer.filesDone, bytesWritten: writer.bytesDone };
  } catch (error) {
    // Copies still under way would write into what abort() removes: let them end first.
    await writer.settle();
    await sink.abort();
    throw destinationError(error);
  }
}

function newFacts(): BundleFacts {
  return { documents: new Map(), previews: new Map(), viewerMissing: new Map(), ids: { submissionSet: newUid(), source: DOSSIER_SOURCE_OID, documents: new Map() } };
}

/**
 * Each series' instances, their viewer images and the series' preview (from its middle instance, or
 * the placeholder). A few instances are copied at once (as many as the sink takes); images are
 * rendered in workers while the next instances are copied.
 */
async function writeImages(plan: BundlePlan, writer: TrackingWriter, services: DicomServices, facts: BundleFacts): Promise<void> {
  const ahead = new RenderAhead();
  for (const { series } of plan.studies) {
    for (const planned of series) {
      const middle = Math.floor((planned.instances.length - 1) / 2);
      // A series without image data (previewPath null) has nothing to preview; the DICOMDIR still lists it.
      const previewPath = planned.previewPath;
      if (planned.instances.length === 0 && previewPath) await writePreview(writer, services, facts, previewPath, null);
      for (const [i, { path, instance, viewerImages }] of planned.instances.entries()) {
        const size = instance.source.size;
        const request: ImagesRequest = {
          preview: previewPath !== null && i === middle && size <= MAX_PREVIEW_SOURCE_BYTES,
          frames: planned.viewer && size <= MAX_VIEWER_SOURCE_BYTES ? viewerImages.map((v) => v.frame) : [],
        };
        const keepBytes = request.preview || request.frames.length > 0;
        const copying = (await writer.startCopy(path, instance.source, { keepBytes })).done;
        if (!keepBytes && !planned.viewer && i !== middle) continue;
        // The copy is written by then: its bytes go to the renderer without another copy.
        const images = copying.then((copied) => (copied.bytes ? services.renderImages(copied.bytes, request, { handOver: true }) : { preview: null, frames: [] }));
        await ahead.add(keepBytes ? size : 0, images, async (rendered) => {
          if (planned.viewer) await writeViewerImages(writer, services, rendered.frames, viewerImages, facts.viewerMissing, planned.viewer.dir);
          if (i === middle && previewPath) await writePreview(writer, services, facts, previewPath, rendered.preview);
        });
      }
    }
  }
  await ahead.drain();
  await writer.drain();
}

async function writePreview(writer: TrackingWriter, services: DicomServices, facts: BundleFacts, path: string, preview: Uint8Array | null): Promise<void> {
  facts.previews.set(path, preview !== null);
  await writer.writeBytes(path, preview ?? services.placeholderPreview(), { compress: false });
}

/** An instance's frames as JPEGs, numbered in the series; a placeholder for each that could not be rendered. */
async function writeViewerImages(writer: TrackingWriter, services: DicomServices, frames: (Uint8Array | null)[], images: ViewerImage[], missing: Map<string, number[]>, dir: string): Promise<void> {
  for (const [k, image] of images.entries()) {
    const jpeg = frames[k] ?? null;
    if (!jpeg) missing.set(dir, [...(missing.get(dir) ?? []), image.number]);
    await writer.writeBytes(image.path, jpeg ?? services.placeholderPreview(), { compress: false });
  }
}

/** How far rendering may run behind the copying: a few instances, bounded by their bytes. */
const RENDER_AHEAD = { jobs: 4, bytes: 128 * 1024 * 1024 };

/** Renders in flight, written in the order they were started (the sink takes one file at a time). */
class RenderAhead {
  private readonly waiting: { bytes: number; images: Promise<RenderedImages>; write: (r: RenderedImages) => Promise<void> }[] = [];
  private bytes = 0;

  async add(bytes: number, images: Promise<RenderedImages>, write: (r: RenderedImages) => Promise<void>): Promise<void> {
    images.catch(() => undefined); // awaited below; a failure must not surface as unhandled meanwhile
    this.waiting.push({ bytes, images, write });
    this.bytes += bytes;
    while (this.waiting.length > RENDER_AHEAD.jobs || (this.waiting.length > 1 && this.bytes > RENDER_AHEAD.bytes)) await this.finishOldest();
  }

  async drain(): Promise<void> {
    while (this.waiting.length) await this.finishOldest();
  }

  private async finishOldest(): Promise<void> {
    const job = this.waiting.shift()!;
    this.bytes -= job.bytes;
    await job.write(await job.images);
  }
}

/** The documents (and, with reportsAsDicom, each PDF again as an Encapsulated PDF instance). */
async function writeDocuments(input: BundleInput, plan: BundlePlan, writer: TrackingWriter, services: DicomServices, facts: BundleFacts): Promise<ExtraStudy[]> {
  // One study per patient holds their wrapped reports; its study-level values must agree across its files.
  const extraStudies = new Map<number, ExtraStudy>();
  const now = input.createdAt.toISOString();
  const docsStudy = { date: now.slice(0, 10).replace(/-/g, ''), time: now.slice(11, 19).replace(/:/g, ''), id: 'DOCS' };
  for (const planned of plan.documents) {
    const keep = Boolean(planned.encapsulated) || Boolean(planned.rendered);
    const copied = await writer.copy(planned.path, planned.document.source, { sha1: true, keepBytes: keep });
    facts.documents.set(planned.path, { size: copied.size, sha1Hex: copied.sha1Hex ?? '' });
    facts.ids.documents.set(planned.path, newUid());
    if (planned.rendered) await writer.writeBytes(planned.rendered.path, text(renderedDocument(planned, copied.bytes)), { compress: true });
    if (planned.encapsulated && copied.bytes && services.wrapPdfAsDicom) {
      const { pt, study } = planned.encapsulated;
      const extra = extraStudies.get(study) ?? {
        pt,
        patientIndex: planned.document.patientIndex,
        study: { studyInstanceUID: newUid(), studyDescription: 'Documents (Encapsulated PDF)', studyDate: docsStudy.date, studyTime: docsStudy.time, studyId: docsStudy.id, series: [] },
      };
      extraStudies.set(study, extra);
      extra.study.series.push(await writeEncapsulated(input, planned, copied.bytes, writer, services.wrapPdfAsDicom, { pdfStudyUid: extra.study.studyInstanceUID, docsStudy }));
    }
  }
  return [...extraStudies.values()];
}

type WrapPdf = NonNullable<DicomServices['wrapPdfAsDicom']>;

async function writeEncapsulated(
  input: BundleInput,
  planned: PlannedDocument,
  pdf: Uint8Array,
  writer: TrackingWriter,
  wrap: WrapPdf,
  study: { pdfStudyUid: string; docsStudy: { date: string; time: string; id: string } },
): Promise<ExtraStudy['study']['series'][number]> {
  const d = planned.document;
  const seriesUid = newUid();
  const sopUid = newUid();
  const patient = patientAt(input, d.patientIndex);
  const dicom = wrap(pdf, {
    patient: {
      name: patient.dicomName ?? patient.name,
      id: patient.id ?? '',
      ...(patient.birthDate ? { birthDate: dicomDate(patient.birthDate) } : {}),
      ...(patient.sex ? { sex: patient.sex.slice(0, 1).toUpperCase() } : {}),
    },
    studyInstanceUID: study.pdfStudyUid,
    seriesInstanceUID: seriesUid,
    sopInstanceUID: sopUid,
    instanceNumber: 1,
    title: d.title,
    ...(d.date ? { date: dicomDate(d.date) } : {}),
    study: study.docsStudy,
  });
  await writer.writeBytes(planned.encapsulated!.path, dicom, { compress: false });
  return {
    seriesInstanceUID: seriesUid,
    modality: 'DOC',
    seriesNumber: 1, // as written in the instance by wrapPdfAsDicom
    seriesDescription: d.title,
    images: [
      {
        fileId: planned.encapsulated!.fileId,
        sopClassUID: '1.2.840.10008.5.1.4.1.1.104.1',
        sopInstanceUID: sopUid,
        transferSyntaxUID: '1.2.840.10008.1.2.1',
        instanceNumber: 1,
        encapsulatedDocument: {
          contentDate: d.date ? dicomDate(d.date) : study.docsStudy.date,
          contentTime: study.docsStudy.time,
          title: d.title.slice(0, 1024),
          mimeType: 'application/pdf',
        },
      },
    ],
  };
}

type CopiedFile = { size: number; sha1Hex?: string; bytes: Uint8Array | null };

/** Copies under way at once: their files are decrypted and hashed in workers while others are written. */
const COPIES_AHEAD = 4;
/** A file up to this size is decrypted whole in a worker; a larger one streams through this thread. */
const WHOLE_FILE_MAX = 16 * 1024 * 1024;

/**
 * Streams files into the sink, hashing them for the manifest and reporting progress. A few copies
 * run at once; their writes take turns as the sink allows (one at a time into a zip). The
 * manifest is sorted, so the order files finish in does not matter.
 */
class TrackingWriter {
  readonly manifest: ManifestEntry[] = [];
  bytesDone = 0;
  filesDone = 0;
  private readonly copies = new InFlight(COPIES_AHEAD);
  private readonly writes: InFlight;
  constructor(
    private readonly sink: BundleSink,
    private readonly onProgress: ProgressCallback,
    private readonly filesTotal: number,
    private readonly bytesTotal: number,
  ) {
    this.writes = new InFlight(sink.parallelWrites);
  }

  /** Starts copying a file once fewer than COPIES_AHEAD are under way; `done` gives its result (and bytes). */
  startCopy(path: string, source: BundleFileSource, opts: CopyOptions): Promise<{ done: Promise<CopiedFile> }> {
    const whole = source.size <= WHOLE_FILE_MAX ? source.whole : undefined;
    return this.copies.start(() => (whole ? this.copyWhole(path, source.size, whole, opts) : this.copyStream(path, source, opts)));
  }

  /** Copies a file and waits for it (and for the copies started before it). */
  async copy(path: string, source: BundleFileSource, opts: CopyOptions): Promise<CopiedFile> {
    const { done } = await this.startCopy(path, source, opts);
    await this.drain();
    return done;
  }

  /** Waits until no copy or write is under way, whatever became of them. */
  async settle(): Promise<void> {
    await this.copies.settle();
    await this.writes.settle();
  }

  /** Waits for every copy under way; rethrows the first failure. */
  async drain(): Promise<void> {
    await this.copies.drain();
    await this.writes.drain();
  }

  private async copyWhole(path: string, size: number, whole: NonNullable<BundleFileSource['whole']>, opts: CopyOptions): Promise<CopiedFile> {
    const file = await whole({ sha1: Boolean(opts.sha1), crc32: this.sink.usesCrc32 });
    if (file.bytes.byteLength !== size) throw changedSize(path, file.bytes.byteLength, size);
    await this.write(path, file.bytes, { compress: false, ...(file.crc32 !== undefined ? { crc32: file.crc32 } : {}) });
    this.done(path, file.sha256);
    return { size, ...(file.sha1 ? { sha1Hex: file.sha1 } : {}), bytes: opts.keepBytes ? file.bytes : null };
  }

  private async copyStream(path: string, source: BundleFileSource, opts: CopyOptions): Promise<CopiedFile> {
    const sha256 = createHash('sha256');
    const sha1 = opts.sha1 ? createHash('sha1') : null;
    const kept: Uint8Array[] = [];
    let size = 0;
    const self = this;
    async function* tap(): AsyncIterable<Uint8Array> {
      for await (const raw of source.open()) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw) : (raw as Uint8Array);
        sha256.update(chunk);
        sha1?.update(chunk);
        if (opts.keepBytes) kept.push(chunk);
        size += chunk.byteLength;
        self.bytesDone += chunk.byteLength;
        yield chunk;
      }
      if (size !== source.size) throw changedSize(path, size, source.size);
    }
    await (await this.writes.start(() => this.sinkWrite(path, tap(), source.size, { compress: false }))).done;
    this.done(path, sha256.digest('hex'));
    return {
      size,
      ...(sha1 ? { sha1Hex: sha1.digest('hex') } : {}),
      bytes: opts.keepBytes ? Buffer.concat(kept) : null,
    };
  }

  /** Writes bytes in memory when the sink has room; counts them. */
  private async write(path: string, bytes: Uint8Array, opts: { compress: boolean; crc32?: number }): Promise<void> {
    await (await this.writes.start(() => this.sinkWrite(path, bytes, bytes.byteLength, opts))).done;
    this.bytesDone += bytes.byteLength;
  }

  private async sinkWrite(path: string, data: Uint8Array | AsyncIterable<Uint8Array>, size: number, opts: { compress: boolean; crc32?: number }): Promise<void> {
    this.report(path);
    await this.sink.writeFile(path, data, size, opts);
  }

  /** Writes a file made in memory, in turn with the copies under way (a zip takes one at a time). */
  async writeBytes(path: string, bytes: Uint8Array, opts: { compress: boolean; inManifest?: boolean }): Promise<void> {
    await this.write(path, bytes, opts);
    if (opts.inManifest === false) {
      this.filesDone += 1;
      this.report(path);
      return;
    }
    this.done(path, createHash('sha256').update(bytes).digest('hex'));
  }

  private done(path: string, sha256: string): void {
    this.manifest.push({ path, sha256 });
    this.filesDone += 1;
    this.report(path);
  }

  private report(currentFile: string): void {
    this.onProgress({
      filesDone: this.filesDone,
      filesTotal: Math.max(this.filesTotal, this.filesDone),
      bytesDone: this.bytesDone,
      bytesTotal: Math.max(this.bytesTotal, this.bytesDone),
      currentFile,
    });
  }
}

/** Bytes a bundle needs free on its volume: the files, FAT32 cluster slack per file, and a margin. */
export function freeSpaceNeeded(payloadBytes: number, fileCount: number): number {
  const margin = Math.min(MARGIN.max, MARGIN.base + Math.ceil(payloadBytes * MARGIN.share));
  return payloadBytes + fileCount * PER_FILE_SLACK + margin;
}

/**
 * The destination's folder (or, for a new folder, its parent) must exist, take files and have room.
 * `mayBeNew`: a folder destination may not exist yet (its parent must); a zip's folder must.
 */
async function checkDestination(dir: string, mayBeNew: boolean, payloadBytes: number, fileCount: number): Promise<void> {
  let volume = dir;
  let info;
  try {
    // A new destination folder does not exist yet: measure the volume it will be created on.
    info = await statfs(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') return Promise.reject(error);
      if (!mayBeNew) return missingParent(dir)(error);
      volume = dirname(dir);
      return statfs(volume).catch(missingParent(volume));
    });
  } catch (error) {
    throw destinationError(error);
  }
  if (volume === dir && mayBeNew && !(await stat(dir)).isDirectory()) throw new DossierError('invalid-params', `${dir} is not a folder.`);
  // Before the space: a system folder reports no free blocks, but its real problem is that it takes no files.
  await probeWritable(volume);
  const free = Number(info.bavail) * Number(info.bsize);
  const needed = freeSpaceNeeded(payloadBytes, fileCount);
  if (free < needed) {
    throw destinationFull(needed, free);
  }
}

/** Writes and removes a small file: the sure test for read-only media, system folders and permissions. */
async function probeWritable(dir: string): Promise<void> {
  const probe = join(dir, `.dossier-probe-${randomBytes(6).toString('hex')}`);
  try {
    await (await open(probe, 'wx')).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Whatever else stops a probe file (a system folder, read-only media) means the place takes no files.
    throw code === 'ENOSPC' || code === 'EDQUOT' ? destinationError(error) : destinationError(Object.assign(error as Error, { code: 'EACCES' }));
  }
  await rm(probe, { force: true });
}

/** A mistyped path is not a pulled stick: say which folder is missing (ENOENT would read "disappeared"). */
function missingParent(parent: string): (error: NodeJS.ErrnoException) => never {
  return (error) => {
    if (error.code !== 'ENOENT') throw error;
    throw new DossierError('not-found', `The folder ${parent} does not exist: choose an existing folder (e.g. the USB stick).`);
  };
}

type CopyOptions = { sha1?: boolean; keepBytes?: boolean };

function changedSize(path: string, got: number, expected: number): DossierError {
  return new DossierError('unreadable', `${path}: the stored file changed size while exporting (${got} of ${expected} bytes).`);
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}
