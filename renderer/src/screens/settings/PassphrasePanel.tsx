// Settings → Change passphrase: the same policy as the first run (shared/passphrase-policy.ts),
// checked here for a quick answer and again by the core.
import { useState, type FormEvent } from 'react';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { MIN_PASSPHRASE_LENGTH, checkPassphrase, passphraseStrength } from '../../../../shared/passphrase-policy.js';
import { SettingsMessage, type Message } from './SettingsMessage.js';

export function PassphrasePanel() {
  const bridge = useBridge();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  async function changePass(e: FormEvent) {
    e.preventDefault();
    const verdict = checkPassphrase(next);
    if (!verdict.ok) return setMessage({ ok: false, text: verdict.message });
    if (next !== confirm) return setMessage({ ok: false, text: 'The two new passphrases are different.' });
    try {
      await bridge.call('vault.changePassphrase', { current, next });
      setMessage({ ok: true, text: 'Passphrase changed. Use the new one next time.' });
      setCurrent(''); setNext(''); setConfirm('');
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form className="panel" onSubmit={changePass} aria-labelledby="pp-title">
      <h2 id="pp-title">Change passphrase</h2>
      <label htmlFor="s-cur">Current passphrase</label>
      <input id="s-cur" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      <label htmlFor="s-new">New passphrase</label>
      <input id="s-new" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="s-strength" />
      <div id="s-strength" className={`strength s${passphraseStrength(next).score}`} aria-live="polite">
        <span className="strength-bar" aria-hidden="true"><span /></span>
        {next.length > 0 ? passphraseStrength(next).label : `At least ${MIN_PASSPHRASE_LENGTH} characters.`}
      </div>
      <label htmlFor="s-conf">Type it again</label>
      <input id="s-conf" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      <SettingsMessage message={message} />
      <button type="submit" disabled={!current || !next}>Change passphrase</button>
    </form>
  );
}
