// The practical side: the appointment, how the records get there, insurance, pre-authorisation,
// cost, and who prepared the bundle (their contact goes in the summary for the doctor).
import { useEffect, useState } from 'react';
import { RECORDS_SENT_BY, type CaseDetail, type CaseJourney } from '../../../../shared/cases.js';
import { RECORDS_SENT_BY_WORDS } from '../../../../shared/words/journey.js';

type Draft = Omit<CaseJourney, 'status' | 'appointmentDate'> & { appointmentDate: string };

export function JourneyPanel({ c, onSave }: { c: CaseDetail; onSave: (journey: Partial<CaseJourney>) => void }) {
  // The status is not part of this panel (it is set at the top): leave it out, or saving here would reset it.
  const fromCase = (): Draft => {
    const { status: _status, ...rest } = c.journey;
    return { ...rest, appointmentDate: rest.appointmentDate ?? '' };
  };
  const [draft, setDraft] = useState(fromCase);
  useEffect(() => setDraft(fromCase()), [c.id]);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  return (
    <section className="panel" aria-labelledby="journey-title">
      <h2 id="journey-title">Getting there</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="j-appt">Appointment</label>
          <input id="j-appt" type="date" value={draft.appointmentDate} onChange={set('appointmentDate')} />
        </div>
        <div>
          <label htmlFor="j-sent">How the records get there</label>
          <select id="j-sent" value={draft.recordsSentBy} onChange={set('recordsSentBy')}>
            {(['', ...RECORDS_SENT_BY] as const).map((k) => <option key={k} value={k}>{RECORDS_SENT_BY_WORDS[k]}</option>)}
          </select>
        </div>
      </div>
      <label htmlFor="j-ins">Insurance cover</label>
      <textarea id="j-ins" rows={2} value={draft.insurance} onChange={set('insurance')} placeholder="What your insurer said: covered? in network? who you spoke to, when" />
      <label htmlFor="j-pre">Pre-authorisation</label>
      <textarea id="j-pre" rows={2} value={draft.preAuthorization} onChange={set('preAuthorization')} placeholder="Needed? Asked for on…? Reference number" />
      <label htmlFor="j-cost">Expected cost</label>
      <textarea id="j-cost" rows={2} value={draft.cost} onChange={set('cost')} placeholder="Fees, deposit, what you pay yourself" />
      <h3>Prepared by</h3>
      <p className="hint">Printed in the summary, so the doctor's office knows whom to call with questions about the records.</p>
      <div className="form-grid">
        <div>
          <label htmlFor="j-by">Your name</label>
          <input id="j-by" value={draft.preparedBy} onChange={set('preparedBy')} autoComplete="name" />
        </div>
        <div>
          <label htmlFor="j-contact">Your phone or email</label>
          <input id="j-contact" value={draft.preparerContact} onChange={set('preparerContact')} />
        </div>
      </div>
      <button type="button" onClick={() => onSave({ ...draft, appointmentDate: draft.appointmentDate || null })}>Save these details</button>
    </section>
  );
}
