// Planning rules applied to a dropped folder or an unpacked zip before anything is imported:
// - a folder holding a DICOMDIR is removable media (hospital CD / USB stick): the DICOMDIR is
//   read, files it lists but that are missing are reported, and the viewer software, autorun
//   files and other non-medical content on the media are skipped and counted;
// - an IHE XDM package (IHE_XDM/SUBSETnn/METADATA.XML) gives its documents their metadata; the
//   INDEX.HTM and README.TXT the XDM profile puts beside IHE_XDM/ describe the package, not the patient.
import { readDicomdir } from '../dicom/dicomdir-read.js';
import { parseXdmMetadata, type XdmDocumentMeta } from '../documents/xdm.js';
import type { Skip, Tree, TreeEntry } from './walk.js';
import type { IndexFile, SkipReason } from '../../../shared/import-outcomes.js';
import { SkipFile } from '../base/analysis.js';

export interface PlannedEntry extends TreeEntry {
  /** Under a folder with a DICOMDIR: only medical content is imported. */
  onMedia: boolean;
  /** Metadata an IHE XDM package gives this document. */
  xdm?: XdmDocumentMeta;
}

export interface Plan {
  entries: PlannedEntry[];
  skipped: Skip[];
  /** Index files read to find and name the records. */
  indexes: { path: string; index: IndexFile }[];
}

/** Why an index file could not be read: its reader's reason, or the error's own detail. */
function causeOf(err: unknown): SkipReason {
  return err instanceof SkipFile ? err.reason : { code: 'failed', detail: (err as Error)?.message ?? String(err) };
}

const XDM_FURNITURE = new Set(['INDEX.HTM', 'README.TXT']);

function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

function baseOf(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

function within(rel: string, dir: string): boolean {
  return dir === '' || rel.toLowerCase().startsWith(dir.toLowerCase() + '/');
}

export async function planTree(tree: Tree): Promise<Plan> {
  const skipped: Skip[] = [...tree.skipped];
  const indexes: Plan['indexes'] = [];
  const byLowerPath = new Map(tree.entries.map((e) => [e.relPath.toLowerCase(), e]));
  const mediaRoots: string[] = [];
  const xdmByPath = new Map<string, XdmDocumentMeta>();
  const consumed = new Set<TreeEntry>();
  const xdmRoots = new Set<string>();

  for (const entry of tree.entries) {
    const name = baseOf(entry.relPath).toUpperCase();
    if (name === 'DICOMDIR') {
      const root = dirOf(entry.relPath);
      mediaRoots.push(root);
      consumed.add(entry);
      try {
        const dir = readDicomdir(await entry.source.readAll());
        let missing = 0;
        for (const f of dir.files) {
          const rel = (root ? root + '/' : '') + f.fileId;
          if (!byLowerPath.has(rel.toLowerCase())) {
            missing++;
            if (missing <= 20) skipped.push({ path: `${entry.source.displayPath} → ${f.fileId}`, reason: { code: 'missing-from-disc', fileId: f.fileId } });
          }
        }
        if (missing > 20) skipped.push({ path: entry.source.displayPath, reason: { code: 'more-missing-from-disc', count: missing - 20 } });
        indexes.push({ path: entry.source.displayPath, index: { kind: 'dicomdir', files: dir.files.length } });
      } catch (err) {
        skipped.push({ path: entry.source.displayPath, reason: { code: 'index-unreadable', index: 'dicomdir', cause: causeOf(err) } });
      }
    } else if (name === 'METADATA.XML' && /(^|\/)IHE_XDM\/[^/]+$/i.test(dirOf(entry.relPath))) {
      consumed.add(entry);
      const subset = dirOf(entry.relPath);
      xdmRoots.add(dirOf(dirOf(subset)).toLowerCase());
      try {
        const docs = parseXdmMetadata(new TextDecoder().decode(await entry.source.readAll()));
        for (const doc of docs) xdmByPath.set(`${subset}/${doc.uri}`.toLowerCase(), doc);
        indexes.push({ path: entry.source.displayPath, index: { kind: 'xdm-metadata', documents: docs.length } });
      } catch (err) {
        skipped.push({ path: entry.source.displayPath, reason: { code: 'index-unreadable', index: 'xdm-metadata', cause: causeOf(err) } });
      }
    }
  }

  const entries: PlannedEntry[] = [];
  for (const entry of tree.entries) {
    if (consumed.has(entry)) continue;
    if (xdmRoots.has(dirOf(entry.relPath).toLowerCase()) && XDM_FURNITURE.has(baseOf(entry.relPath).toUpperCase())) {
      skipped.push({ path: entry.source.displayPath, reason: { code: 'xdm-furniture' } });
      continue;
    }
    const onMedia = mediaRoots.some((root) => within(entry.relPath, root));
    const xdm = xdmByPath.get(entry.relPath.toLowerCase());
    entries.push({ ...entry, onMedia, ...(xdm ? { xdm } : {}) });
  }
  return { entries, skipped, indexes };
}
