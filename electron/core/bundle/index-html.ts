// INDEX.HTM: the page a doctor opens from the stick. Static HTML, inline CSS, no network (a strict
// CSP says so), relative links only; everything from user data is escaped. Its one script is the
// image viewer (index-viewer.ts), allowed by its hash. Landmarks (header, main, footer) so a screen
// reader can move around it. A bundle with several patients says so at the top and names the
// patient of every record (bundle/patients.ts).
import { RECORD_TYPE_LABELS } from '../../../shared/domain.js';
import type { BundleFacts } from './facts.js';
import type { BundlePlan, PlannedSeries, PlannedStudy } from './plan.js';
import { escapeHtml as h } from '../base/text-safety.js';
import type { BundleInput } from './types.js';
import { seriesViewerHtml, VIEWER_SCRIPT, VIEWER_SCRIPT_HASH } from './index-viewer.js';
import { buildTimeline, isoDate, type TimelineRow } from './timeline.js';
import { sentSeparatelyLine } from './summary-content.js';
import { patientLabel, patientName, recordPatientName, severalPatients } from './patients.js';
import { PATHS } from './paths.js';

export { isoDate } from './timeline.js';

// 'self' does not match file: pages in every browser, so file: is allowed explicitly for images.
const CSP =
  `default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; script-src ${VIEWER_SCRIPT_HASH}; ` +
  "base-uri 'none'; form-action 'none'";

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#111}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;border-bottom:1px solid #999;margin-top:1.6rem}
.meta{color:#444}.question{font-size:1.05rem;background:#f3f3f3;padding:.6rem .8rem;border-left:4px solid #555}
.several{border:2px solid #a15c00;background:#fff4dc;padding:.6rem .9rem;margin:.8rem 0}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}
.series{display:flex;flex-wrap:wrap;gap:.8rem}.tile{width:13rem;border:1px solid #ccc;padding:.4rem;break-inside:avoid}
.tile img{width:100%;height:auto;background:#000}.viewer{margin:0;outline-offset:2px}.viewer img{display:block;width:100%;height:auto;background:#000}
.viewer figcaption{font-size:.85rem}.viewer input{width:100%}.tile.wide{width:min(100%,28rem)}.orientation{background:#fff6d9;border-left:4px solid #c90;padding:.5rem .8rem}.none{height:9rem;display:flex;align-items:center;justify-content:center;background:#eee;color:#555;text-align:center}
@media print{body{margin:0;max-width:none}a{color:#000;text-decoration:none}.tile{width:11rem}}
`;

export function buildIndexHtml(input: BundleInput, plan: BundlePlan, facts: BundleFacts): string {
  const withViewer = plan.studies.some((st) => st.series.some((se) => se.viewer));
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(input.case?.title ?? 'Medical records')} — ${h(patientName(input.patient))}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...pageHeader(input),
    '<main>',
    ...caseSection(input),
    ...recordSections(input, plan, facts),
    '</main>',
    '<footer><h2>Importing</h2>',
    '<p>DICOM images: point the PACS or viewer import at the <code>DICOMDIR</code> file at the root. ' +
      'Documents: <code>IHE_XDM/SUBSET01/</code> (IHE XDM metadata in <code>METADATA.XML</code>), ' +
      'FHIR R4: <code>FHIR/BUNDLE.JSN</code>, and the patient summary as a FHIR document in <code>FHIR/IPS.JSN</code>. Checksums: <code>MANIFEST.TXT</code>. See <a href="README.TXT">README.TXT</a>.</p>',
    '</footer>',
    ...(withViewer ? [`<script>${VIEWER_SCRIPT}</script>`] : []),
    '</body></html>',
    '',
  ].join('\n');
}

/** Who the records are about — and, before anything else, when they are about several people. */
function pageHeader(input: BundleInput): string[] {
  const p = input.patient;
  const several = severalPatients(input);
  const prepared = `Prepared ${h(input.createdAt.toISOString().slice(0, 10))} with Dossier ${h(input.appVersion)}`;
  // The ID lets the receiving clinic match the records to its own chart.
  const facts = several ? '' : `${p.birthDate ? `Born ${h(p.birthDate)} · ` : ''}${p.sex ? `Sex ${h(p.sex)} · ` : ''}${p.id ? `Patient ID ${h(p.id)} · ` : ''}`;
  const out = ['<header>', `<h1>${h(several ? `Records of ${several.length} patients` : patientName(p))}</h1>`, `<p class="meta">${facts}${prepared}</p>`];
  if (several)
    out.push(
      `<div class="several" role="note"><p><strong>This bundle holds the records of ${several.length} different patients:</strong></p>`,
      `<ul>${several.map((s) => `<li>${h(patientLabel(s))}</li>`).join('')}</ul>`,
      '<p>Every record below names its patient. Please make sure each record belongs to the person you are seeing.</p></div>',
    );
  out.push(`<p><a href="${PATHS.summary}"><strong>Summary for the doctor</strong></a> (PDF, to print): the question, the health summary, the records and what was sent separately.</p>`, '</header>');
  return out;
}

function caseSection(input: BundleInput): string[] {
  const c = input.case;
  if (!c) return [];
  const provider = c.provider;
  const forWhom = [provider?.name, provider?.institution].filter((x): x is string => Boolean(x));
  const out = [`<section aria-labelledby="case"><h2 id="case">${h(c.title)}</h2>`];
  if (forWhom.length > 0) out.push(`<p class="meta">For: ${h(forWhom.join(', '))}</p>`);
  if (provider?.contact) out.push(`<p class="meta">Contact: ${h(provider.contact)}</p>`);
  if (c.question.trim()) out.push(`<p class="question"><strong>Question:</strong> ${h(c.question)}</p>`);
  if (c.questions.length > 0) out.push("<h3>The patient's questions</h3><ol>", ...c.questions.map((q) => `<li>${h(q)}</li>`), '</ol>');
  if (provider?.notes) out.push(`<p>${h(provider.notes)}</p>`);
  const sent = c.sentSeparately ?? [];
  if (sent.length) out.push('<h3>Sent separately</h3><p>Not in this bundle: these travel on their own.</p><ul>', ...sent.map((i) => `<li>${h(sentSeparatelyLine(i))}</li>`), '</ul>');
  out.push('</section>');
  return out;
}

function recordSections(input: BundleInput, plan: BundlePlan, facts: BundleFacts): string[] {
  const withPatient = severalPatients(input) !== null;
  const section = (id: string, title: string, body: string[]) => [`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>`, ...body, '</section>'];
  const imaging = plan.studies.length === 0
    ? ['<p>No imaging studies in this bundle.</p>']
    : [
        '<p class="orientation">The pictures here are for orientation only: JPEG copies at each file\'s own window. ' +
          'The DICOM files are the diagnostic originals — import them (<code>DICOMDIR</code>) into a DICOM viewer or PACS.</p>',
        ...plan.studies.map((s) => studySection(input, s, facts, withPatient)),
      ];
  return [
    ...section('timeline', 'Timeline', [timelineTable(input, buildTimeline(plan), withPatient)]),
    ...section('documents', 'Documents', [documentsTable(input, plan, facts, withPatient)]),
    ...section('imaging', 'Imaging', imaging),
  ];
}

function timelineTable(input: BundleInput, rows: TimelineRow[], withPatient: boolean): string {
  if (rows.length === 0) return '<p>No records.</p>';
  const body = rows
    .map((r) => {
      const what = r.link ? `<a href="${h(r.link)}">${h(r.what)}</a>` : h(r.what);
      const who = withPatient ? `<td>${h(recordPatientName(input, r.patientIndex))}</td>` : '';
      return `<tr><td>${h(r.date ?? 'date unknown')}</td>${who}<td>${what}</td></tr>`;
    })
    .join('\n');
  return `<table><tr><th>Date</th>${withPatient ? '<th>Patient</th>' : ''}<th>Record</th></tr>\n${body}\n</table>`;
}

function documentsTable(input: BundleInput, plan: BundlePlan, facts: BundleFacts, withPatient: boolean): string {
  if (plan.documents.length === 0) return '<p>No documents in this bundle.</p>';
  const body = plan.documents
    .map(({ document: d, path, index, rendered }) => {
      const size = facts.documents.get(path)?.size ?? d.source.size;
      // A C-CDA or FHIR file shows nothing useful in a browser: its title opens the readable copy.
      const main = rendered ? rendered.path : path;
      const original = rendered ? ` · <a href="${h(path)}">original ${d.viewFormat === 'cda' ? 'XML' : 'JSON'}</a>` : '';
      const who = withPatient ? `<td>${h(recordPatientName(input, d.patientIndex))}</td>` : '';
      return (
        `<tr><td>${index}</td><td>${h(isoDate(d.date) ?? '')}</td>${who}<td>${h(RECORD_TYPE_LABELS[d.type])}</td>` +
        `<td><a href="${h(main)}">${h(d.title)}</a><br><small>${h(d.fileName)} · ${formatSize(size)}${original}</small></td>` +
        `<td>${h(d.institution ?? '')}</td></tr>`
      );
    })
    .join('\n');
  return `<table><tr><th>#</th><th>Date</th>${withPatient ? '<th>Patient</th>' : ''}<th>Type</th><th>Document</th><th>Source</th></tr>\n${body}\n</table>`;
}

function seriesTile(planned: PlannedSeries, facts: BundleFacts): string {
  const { series: s, instances, previewPath, viewer } = planned;
  const label = `${s.modality}${s.number !== undefined ? ` #${s.number}` : ''} · ${viewer ? viewer.count : instances.length} image(s)`;
  if (viewer) {
    const what = [s.modality, s.number !== undefined ? `series ${s.number}` : '', s.description].filter(Boolean).join(' ');
    return `<div class="tile wide">${seriesViewerHtml(planned, what, facts.viewerMissing.get(viewer.dir) ?? [])}<div><b>${h(label)}</b><br>${h(s.description ?? '')}</div></div>`;
  }
  const image = !previewPath
    ? '<div class="none">No image data (this series holds attributes only)</div>'
    : facts.previews.get(previewPath)
      ? `<img src="${h(previewPath)}" alt="Preview of ${h(s.description ?? s.modality)}">`
      : '<div class="none">Preview not available</div>';
  return `<div class="tile">${image}<div><b>${h(label)}</b><br>${h(s.description ?? '')}</div></div>`;
}

function studySection(input: BundleInput, { study, series }: PlannedStudy, facts: BundleFacts, withPatient: boolean): string {
  const who = withPatient ? recordPatientName(input, study.patientIndex) : undefined;
  const heading = [who, isoDate(study.date), study.description, study.institution].filter(Boolean).join(' · ');
  return `<h3>${h(heading || 'Imaging study')}</h3><div class="series">${series.map((s) => seriesTile(s, facts)).join('\n')}</div>`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
