// Runs electron-builder `--linux dir` the way this machine allows: Electron cannot be downloaded,
// so `electronDist` points at a STAND-IN directory whose `electron` is a script that only says
// it is not Electron. The config is electron-builder.yml itself, minus the fuses (they patch the
// real binary) and with the native rebuild off (it needs Electron's headers); nothing else changes.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export const BUILDER_CONFIG = 'electron-builder.yml';
const BUILDER_CLI = 'node_modules/electron-builder/cli.js';

export function hasElectronBuilder(root: string): boolean {
  return existsSync(path.join(root, BUILDER_CLI));
}

export function readBuilderConfig(root: string): Record<string, unknown> {
  return parse(readFileSync(path.join(root, BUILDER_CONFIG), 'utf8')) as Record<string, unknown>;
}

function makeStandInElectronDist(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const exe = path.join(dir, 'electron');
  writeFileSync(exe, '#!/bin/sh\necho "This is a stand-in for the Electron binary (packaging test). It is not Electron." >&2\nexit 1\n');
  chmodSync(exe, 0o755);
}

/** The real config with only what this machine cannot do taken out. */
export function standInConfig(root: string, electronDist: string, output: string): Record<string, unknown> {
  const config = { ...readBuilderConfig(root) };
  delete config.electronFuses;
  return {
    ...config,
    electronDist,
    npmRebuild: false,
    directories: { ...(config.directories as Record<string, unknown>), output },
  };
}

/** Builds the Linux `dir` target into workDir; returns the packaged app's resources folder. */
export function buildWithStandInElectron(root: string, workDir: string): string {
  const electronDist = path.join(workDir, 'electron-stand-in');
  const output = path.join(workDir, 'release');
  const configFile = path.join(workDir, 'electron-builder.stand-in.yml');
  makeStandInElectronDist(electronDist);
  writeFileSync(configFile, stringify(standInConfig(root, electronDist, output)));
  const run = spawnSync(process.execPath, [path.join(root, BUILDER_CLI), '--config', configFile, '--linux', 'dir', '--publish', 'never'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`electron-builder failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
  return path.join(output, 'linux-unpacked', 'resources');
}
