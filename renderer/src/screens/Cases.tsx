// Second-opinion cases: list, create, and open the case builder.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import type { CaseSummary } from '../../../shared/cases.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { CaseEditor } from './CaseEditor.js';
import { CaseCard } from './case/CaseCard.js';

export function Cases({ version }: { version: number }) {
  const bridge = useBridge();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  /** The case just closed: its card takes the focus back. */
  const [closed, setClosed] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, openId === null && closed === null);
  useEffect(() => {
    if (closed && cases) document.querySelector<HTMLElement>(`[data-case-id="${closed}"]`)?.focus();
  }, [closed, cases]);

  useEffect(() => void bridge.call('cases.list', {}).then(setCases, (e: unknown) => setError(errorMessage(e))), [bridge, version, reload, openId]);

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return;
    try {
      const c = await bridge.call('cases.create', { title: title.trim() });
      setTitle('');
      setOpenId(c.id);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  // Back from a case: the list is fetched afresh (the case changed), never shown stale first; its card takes the focus back.
  if (openId) return <CaseEditor id={openId} version={version} onBack={() => { setClosed(openId); setCases(null); setOpenId(null); setReload((n) => n + 1); }} />;
  return (
    <div className="cases">
      <h1 tabIndex={-1} ref={heading}>Second-opinion cases</h1>
      <p className="lead">A case gathers the records and questions for one doctor or hospital, and keeps a history of what you handed over.</p>
      <form className="panel row" onSubmit={create} aria-label="Create a case">
        <label htmlFor="case-title" className="grow">
          <span className="small-label">New case</span>
          <input id="case-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Second opinion — lung nodule, Dr Meyer" />
        </label>
        <button className="primary" type="submit" disabled={!title.trim()}>Create case</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {cases && cases.length === 0 && <p className="empty">No cases yet. Create one above when you are ready to share records with a doctor.</p>}
      <ul className="case-list">
        {cases?.map((c) => (
          <li key={c.id}>
            <CaseCard c={c} onOpen={() => setOpenId(c.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
