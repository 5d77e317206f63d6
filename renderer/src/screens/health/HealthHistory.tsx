// The person's own words about their health history: what the lists do not capture.
import { useEffect, useState } from 'react';
import { errorMessage, useBridge } from '../../bridge-context.js';

export function HealthHistory({ personId }: { personId: string | null }) {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    setMessage('');
    bridge.call('health.getHistory', { personId }).then((h) => setText(h.text), (e: unknown) => setMessage(errorMessage(e)));
  }, [bridge, personId]);

  async function save() {
    try {
      setText((await bridge.call('health.setHistory', { personId, text })).text);
      setMessage('History saved.');
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">History in your own words</h2>
      <p className="hint">Anything a new doctor should know: how it started, what was tried, how you are now, family history.</p>
      <label htmlFor="h-history" className="sr-only">History in your own words</label>
      <textarea id="h-history" rows={6} value={text} onChange={(e) => { setText(e.target.value); setMessage(''); }} />
      <div className="row">
        <button type="button" onClick={() => void save()}>Save history</button>
        <span role="status" className="hint">{message}</span>
      </div>
    </section>
  );
}
