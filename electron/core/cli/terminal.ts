// Terminal I/O for the CLI: hidden passphrase prompts and a progress bar that only draws on a TTY.
import { DossierError } from '../base/errors.js';
import { formatBytes } from '../../../shared/format.js';

export async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY)
    throw new DossierError('invalid-params', 'No terminal to ask for the passphrase: set DOSSIER_PASSPHRASE (and DOSSIER_NEW_PASSPHRASE where needed).');
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new DossierError('cancelled', 'Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

export async function passphraseFromEnvOrPrompt(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return promptHidden(question);
}

export async function newPassphrase(envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const first = await promptHidden('New passphrase: ');
  const second = await promptHidden('Repeat the new passphrase: ');
  if (first !== second) throw new DossierError('invalid-params', 'The two passphrases differ. Nothing was changed.');
  return first;
}

/** A one-line progress bar on stderr, redrawn at most ten times a second; silent when not a TTY. */
/**
 * Progress on stderr: a one-line bar redrawn at most ten times a second on a terminal, or with
 * `lines` (the commands' --progress) one line per step, for scripts that follow a long run.
 */
export class ProgressBar {
  private last = 0;
  private lastLine = '';
  private readonly enabled = Boolean(process.stderr.isTTY) && !process.env.CI;

  constructor(private readonly lines = false) {}

  update(done: number, total: number, bytes: number, label: string): void {
    if (this.lines) return this.line(`progress ${done}/${total} ${label}`);
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < total) return;
    this.last = now;
    const width = 24;
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
    const cols = process.stderr.columns ?? 80;
    const text = `${bar} ${done}/${total} files, ${formatBytes(bytes)}  ${label}`;
    process.stderr.write(`\r${text.slice(0, cols - 1).padEnd(cols - 1)}`);
  }

  private line(text: string): void {
    if (text === this.lastLine) return;
    this.lastLine = text;
    process.stderr.write(`${text}\n`);
  }

  clear(): void {
    if (this.enabled && !this.lines) process.stderr.write(`\r${' '.repeat((process.stderr.columns ?? 80) - 1)}\r`);
  }
}
