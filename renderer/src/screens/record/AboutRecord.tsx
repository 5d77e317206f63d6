// What the record says about itself: the patient, its files, pages, study and series, its text,
// and "Delete record…" (to the trash, confirmed).
import { useState } from 'react';
import type { RecordDetail } from '../../../../shared/domain.js';
import { formatPersonName } from '../../../../shared/person-name.js';
import { Dialog } from '../../components/Dialog.js';
import { formatDate } from '../../format.js';
import { hasDocumentView } from '../../viewer/RecordViewer.js';

export function AboutRecord({ record, onDelete }: { record: RecordDetail; onDelete: () => void }) {
  return (
    <section className="panel" aria-labelledby="about-title">
      <h2 id="about-title">About this record</h2>
      <dl className="facts">
        <dt>Patient</dt><dd>{record.patientName ? formatPersonName(record.patientName) : 'Not stated'}{record.patientBirthDate ? `, born ${formatDate(record.patientBirthDate)}` : ''}</dd>
        {record.patientId && <><dt>Patient ID</dt><dd>{record.patientId}</dd></>}
        <dt>Files</dt><dd>{record.sourceFileCount.toLocaleString()}</dd>
        {record.pageCount !== undefined && <><dt>Pages</dt><dd>{record.pageCount}</dd></>}
        {record.studyDescription && <><dt>Study</dt><dd>{record.studyDescription}</dd></>}
      </dl>
      {record.series.length > 0 && <SeriesTable record={record} />}
      {record.textPreview && !hasDocumentView(record) && (
        <>
          <h3 id="text-title">Text</h3>
          <pre className="text-preview" tabIndex={0} role="region" aria-labelledby="text-title">{record.textPreview}</pre>
        </>
      )}
      <DeleteRecord title={record.title} onDelete={onDelete} />
    </section>
  );
}

function SeriesTable({ record }: { record: RecordDetail }) {
  return (
    <>
      <h3>Series</h3>
      <table className="series">
        <thead><tr><th scope="col">#</th><th scope="col">Kind</th><th scope="col">Description</th><th scope="col">Images</th></tr></thead>
        <tbody>
          {record.series.map((s) => (
            <tr key={s.seriesInstanceUID}><td>{s.seriesNumber ?? ''}</td><td>{s.modality}</td><td>{s.seriesDescription || '—'}</td><td>{s.noImageData ? `${s.instanceCount} (no image data)` : s.instanceCount}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function DeleteRecord({ title, onDelete }: { title: string; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="danger-zone">
      <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete record…</button>
      {confirming && (
        <Dialog title="Delete this record?" role="alertdialog" onClose={() => setConfirming(false)}>
          <p>“{title}” will be moved to the trash. You can undo this straight away.</p>
          <div className="row">
            <button type="button" className="danger" onClick={onDelete} data-autofocus>Move to trash</button>
            <button type="button" onClick={() => setConfirming(false)}>Keep it</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
