// Shared end-to-end plumbing: Debian's Chromium through playwright-core, a fresh profile, and a
// record of every network request the page makes (to prove nothing leaves the machine).
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.js';
import { axeViolations, expectAccessible, SCREEN_RULES } from './axe.js';

export { CHROMIUM };
export const SCREENSHOTS = path.resolve('test-results');

export function isLoopbackUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the browser tried to fetch (requests, route catch-all, CDP, WebSockets). */
  requests: string[];
  /** Responses that failed (status 400 or more), e.g. a missing favicon: "404 /favicon.ico". */
  failedResponses: string[];
  close(): Promise<void>;
}

export async function openChromium(url: string): Promise<Session> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: false,
  });
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const u = route.request().url();
    requests.push(u);
    if (isLoopbackUrl(u)) await route.continue();
    else await route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (r) => requests.push(r.url()));
  const failedResponses: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failedResponses.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on('websocket', (ws) => requests.push(ws.url()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => requests.push(e.request.url));
  cdp.on('Network.webSocketCreated', (e: { url: string }) => requests.push(e.url));
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  await page.goto(url);
  return {
    context,
    page,
    requests,
    failedResponses,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The window with one part of the page scrolled to its top (the app scrolls inside <main>). */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  await locator.evaluate((el) => {
    const main = el.closest('main');
    if (main) main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 8;
    else el.scrollIntoView({ block: 'start' });
  });
  await screenshot(locator.page(), name);
}

export interface DropFile {
  /** Path inside the dropped folder ("CD/DICOMDIR") or a plain file name. */
  path: string;
  base64: string;
  type?: string;
}

/** Dispatches a real-looking drop of files built in the page from the given bytes. */
export async function dropFiles(page: Page, files: DropFile[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      const file = new File([bytes], f.path.split('/').pop() ?? f.path, { type: f.type ?? '' });
      // What a folder drop reports: the path inside the dropped folder.
      if (f.path.includes('/')) Object.defineProperty(file, 'webkitRelativePath', { value: f.path });
      dt.items.add(file);
    }
    const target = document.querySelector('main') ?? document.body;
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files);
}

/** First run through the UI: choose the passphrase, acknowledge the recovery key, reach the library. */
export async function createVaultThroughUi(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByRole('button', { name: 'Create my vault' }).click();
  await page.getByLabel('I saved my recovery key somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Lock Dossier' }).waitFor();
}

/** Builds the renderer once if the e2e run finds no build (normally build.mjs ran first). */
export function ensureRendererBuilt(root: string): string {
  const dist = path.join(root, 'dist', 'renderer');
  if (!existsSync(path.join(dist, 'index.html'))) {
    const res = spawnSync(process.execPath, [path.join(root, 'build/scripts/build.mjs'), 'renderer'], { cwd: root, stdio: 'inherit' });
    if (res.status !== 0) throw new Error('renderer build failed');
  }
  return dist;
}

/** Inputs, selects, textareas and buttons on screen that have no accessible name. */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button'))) {
      if (el.closest('[aria-hidden="true"]') || el.hidden || (el as HTMLInputElement).type === 'hidden') continue;
      if (el.getClientRects().length === 0) continue; // not rendered
      const labelled = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join('');
      const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? '').join('') : '';
      const own = el.tagName === 'BUTTON' ? el.textContent ?? '' : '';
      const name = [el.getAttribute('aria-label') ?? '', labelled, labels, own, el.getAttribute('title') ?? ''].join('').trim();
      if (!name) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

/** Every file under `dir`, as '/'-separated paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

export interface HostedApp {
  tmp: string;
  host: BrowserHost;
  session: Session;
  close(): Promise<void>;
}

/** The real service behind the browser host on a fresh temp vault, and Chromium on its page. */
export async function startHostedApp(tmpPrefix: string): Promise<HostedApp> {
  const dist = ensureRendererBuilt(path.resolve(__dirname, '../..'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const host = await startBrowserHost({ vaultDir: path.join(tmp, 'vault'), distDir: dist, appVersion: '0.0.0-e2e', kdfCost: { N: 16384, r: 8, p: 1 } });
  const session = await openChromium(host.url);
  return {
    tmp,
    host,
    session,
    async close() {
      await session.close();
      await host.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Browser mode's folder chooser (a page cannot send paths): open it from the "Choose…" button in
 * `scope`, type the folder's whole path, open it and choose it — naming the file for a zip.
 */
export async function chooseDestination(page: Page, folder: string, fileName?: string, scope = page.locator('main')): Promise<void> {
  await scope.getByRole('button', { name: /^(Choose…|Change…)$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Go to a folder by its whole path').fill(folder);
  await dialog.getByRole('button', { name: 'Go', exact: true }).click();
  await dialog.getByRole('heading', { name: folder, exact: true }).waitFor();
  if (fileName) await dialog.getByLabel('File name').fill(fileName);
  await dialog.getByRole('button', { name: fileName ? 'Save here' : 'Use this folder' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** A screen of an e2e flow: its screenshot, and the accessibility check every screen must pass. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page, name, SCREEN_RULES);
}

/** axe-core's serious and critical violations as lines (the one check in axe.ts, for the flows that list them). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}
