// The release workflow cannot run here (no runners, no Electron download); this checks that it
// parses and does what the README promises on each of the three systems.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  env?: Record<string, string>;
  strategy: { matrix: { include: { os: string; targets: string }[] } };
  steps: Step[];
}

const file = path.resolve(__dirname, '../../.github/workflows/release.yml');
const workflow = parse(readFileSync(file, 'utf8')) as { jobs: Record<string, Job> };
const jobs = Object.values(workflow.jobs);
const job = jobs[0]!;
const matrix = job.strategy.matrix.include;
const runs = job.steps.map((s) => s.run ?? '');

describe('release workflow (.github/workflows/release.yml)', () => {
  it('builds on Windows, macOS (x64 and arm64) and Linux, each with its installers', () => {
    expect(jobs).toHaveLength(1);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    const target = (os: RegExp): string[] => matrix.filter((m) => os.test(m.os)).map((m) => m.targets);
    expect(target(/^windows-/)).toEqual([expect.stringMatching(/--win nsis/)]);
    expect(target(/^macos-/).sort()).toEqual([expect.stringMatching(/--mac dmg --arm64/), expect.stringMatching(/--mac dmg --x64/)]);
    expect(target(/^ubuntu-/)).toEqual([expect.stringMatching(/--linux AppImage deb/)]);
  });

  it('installs, runs the whole suite (under xvfb on Linux) with the Electron smoke test required, then builds', () => {
    const at = (re: RegExp): number => runs.findIndex((r) => re.test(r));
    expect(at(/^npm ci\b/)).toBeGreaterThanOrEqual(0);
    expect(at(/^xvfb-run -a npm test$/)).toBeGreaterThan(at(/^npm ci\b/));
    expect(job.steps[at(/^xvfb-run/)]!.if).toBe("runner.os == 'Linux'");
    expect(at(/^npm test$/)).toBeGreaterThan(at(/^npm ci\b/));
    expect(at(/^npm run dist\b/)).toBeGreaterThan(at(/^npm test$/));
    expect(job.env?.DOSSIER_REQUIRE_ELECTRON).toBe('1');
    // electron-builder's deb target refuses to build without a homepage.
    expect(job.env?.DIST_ARGS).toBe('${{ matrix.targets }} --publish never -c.extraMetadata.homepage=${{ github.server_url }}/${{ github.repository }}');
    for (const s of job.steps.filter((st) => st.run?.startsWith('npm run dist'))) expect(s.run).toBe('npm run dist -- $DIST_ARGS');
  });

  it('signs and notarises only with secrets, and gives them to the installer step alone', () => {
    const withSecrets = job.steps.filter((s) => JSON.stringify(s.env ?? {}).includes('secrets.'));
    const signed = withSecrets.filter((s) => s.run?.startsWith('npm run dist'));
    expect(signed.map((s) => Object.keys(s.env ?? {}).sort())).toEqual([
      ['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK'],
      ['WIN_CSC_KEY_PASSWORD', 'WIN_CSC_LINK'],
    ]);
    for (const s of signed) expect(s.if).toMatch(/steps\.signing\.outputs\.(mac|win) == 'yes'/);
    // Apart from the signed builds, only the presence check sees a secret, and it runs nothing else.
    expect(withSecrets.filter((s) => !signed.includes(s)).map((s) => s.name)).toEqual(['Which signing secrets are set']);
    const unsigned = job.steps.find((s) => s.name === 'Installers, unsigned');
    expect(unsigned?.env?.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
  });

  it('uploads the installers', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload).toBeDefined();
    expect(JSON.stringify(upload)).toMatch(/\.exe.*\.dmg.*\.AppImage.*\.deb/s);
  });
});
