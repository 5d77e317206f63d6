// Builds the Node entry points (CLI, hosts) once before the suite, so CLI tests run the real
// built `dossier` exactly as a user would.
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const res = spawnSync(process.execPath, ['build/scripts/build.mjs', 'node'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('building the CLI for the tests failed');
}
