// Patient names in the bundle: one formatter (shared/person-name.ts) for every human-readable
// place — INDEX.HTM, README.TXT, the FHIR Patient's text and the XDM author — while the DICOM and
// HL7 fields keep the name in its coded form.
import { describe, expect, it } from 'vitest';
import { formatPersonName } from '../../shared/person-name.js';
import { buildIndexHtml } from '../../electron/core/bundle/index-html.js';
import { buildReadme } from '../../electron/core/bundle/readme.js';
import { buildFhirBundle } from '../../electron/core/bundle/fhir-bundle.js';
import { buildXdmMetadata } from '../../electron/core/bundle/xdm-metadata.js';
import { planBundle } from '../../electron/core/bundle/plan.js';
import { type BundleFacts } from '../../electron/core/bundle/facts.js';
import { newUid } from '../../electron/core/base/ids.js';
import { makeBundleInput } from '../fixtures/bundle/input.js';

const YAMADA = 'Yamada^Tarou=山田^太郎=やまだ^たろう';
const READABLE = 'Yamada, Tarou (山田 太郎, やまだ たろう)';

function facts(): BundleFacts {
  return { documents: new Map(), previews: new Map(), ids: { submissionSet: newUid(), source: newUid(), documents: new Map() }, viewerMissing: new Map() };
}

describe('formatPersonName', () => {
  it.each([
    [YAMADA, READABLE],
    ['Yamada^Tarou=山田^太郎=やまだ^たろう=', READABLE],
    ['Wang^XiaoDong=王^小東=', 'Wang, XiaoDong (王 小東)'],
    ['=山田^太郎=やまだ^たろう', '山田 太郎 (やまだ たろう)'],
    ['Doe^Jane^^^', 'Doe, Jane'],
    ['SMITH^JANE^M^DR^JR', 'DR SMITH, JANE M JR'],
    ['Doe^Jane=', 'Doe, Jane'],
    ['Jane Doe', 'Jane Doe'],
    ['^^^', ''],
    ['', ''],
  ])('%s → %s', (pn, shown) => {
    expect(formatPersonName(pn)).toBe(shown);
  });
});

describe('names in the bundle', () => {
  const input = makeBundleInput({ patient: { name: YAMADA, dicomName: YAMADA, id: 'P1', birthDate: '1970-01-02', sex: 'M' } });
  const plan = planBundle(input);

  it('INDEX.HTM and README.TXT show the readable multi-script name, never the coded one', () => {
    const html = buildIndexHtml(input, plan, facts());
    expect(html).toContain(READABLE);
    expect(html).not.toContain('Yamada^Tarou');
    const readme = new TextDecoder().decode(buildReadme(input, plan));
    expect(readme).toContain(READABLE);
    expect(readme).not.toContain('^');
  });

  it('the FHIR Patient has the readable text and the coded parts; the XDM keeps PID-5 coded and the author readable', () => {
    const fhir = buildFhirBundle(input, plan, facts()) as { entry: { resource: { resourceType: string; name?: { text: string; family: string; given: string[] }[] } }[] };
    const patient = fhir.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
    expect(patient.name?.[0]).toEqual({ text: READABLE, family: 'Yamada', given: ['Tarou'] });
    const xml = buildXdmMetadata(input, plan, facts());
    expect(xml).toContain('PID-5|Yamada^Tarou=山田^太郎=やまだ^たろう');
    expect(xml).toContain(`<rim:Value>^${READABLE}</rim:Value>`);
  });
});
