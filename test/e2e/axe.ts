// One accessibility check for every screen the e2e flows visit and for INDEX.HTM: axe-core (the
// installed copy, injected into the page; nothing is fetched) must find no serious or critical
// violation. `alsoRules` adds rules that must pass whatever their impact (landmarks, a heading one).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** Every violation axe finds on the page as it is now (dialogs included). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Fails on any serious or critical violation, and on any violation of `alsoRules`. */
export async function expectAccessible(page: Page, where: string, alsoRules: string[] = []): Promise<void> {
  const found = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical' || alsoRules.includes(v.id));
  expect(found, `accessibility violations on ${where}`).toEqual([]);
}

/** What every app screen must also pass: one h1 (each screen has its own). */
export const SCREEN_RULES = ['page-has-heading-one'];
