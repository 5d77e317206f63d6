// How a patient's name is shown everywhere (app, CLI, bundle). DICOM writes names as up to three
// "=" groups — alphabetic, ideographic, phonetic — each "Family^Given^Middle^Prefix^Suffix"
// (PS3.5 6.2.1): "Yamada^Tarou=山田^太郎=やまだ^たろう" reads "Yamada, Tarou (山田 太郎, やまだ たろう)".

function components(group: string): string[] {
  return group.split('^').map((c) => c.trim());
}

/** Alphabetic group: "Family, Given Middle" with prefix and suffix around it. */
function alphabetic(group: string): string {
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = components(group);
  const givenPart = [given, middle].filter(Boolean).join(' ');
  const core = [family, givenPart].filter(Boolean).join(', ');
  return [prefix, core, suffix].filter(Boolean).join(' ');
}

/** Ideographic and phonetic groups: family name first, space-separated, as written in those scripts. */
function scriptGroup(group: string): string {
  const [family = '', given = '', middle = ''] = components(group);
  return [family, given, middle].filter(Boolean).join(' ');
}

export function formatPersonName(name: string | null | undefined): string {
  if (!name) return '';
  const raw = name.trim();
  if (!raw.includes('^') && !raw.includes('=')) return raw;
  const [first = '', ...others] = raw.split('=');
  const main = alphabetic(first);
  const scripts = others.map(scriptGroup).filter(Boolean);
  if (!main) return scripts.length > 1 ? `${scripts[0]} (${scripts.slice(1).join(', ')})` : (scripts[0] ?? '');
  return scripts.length ? `${main} (${scripts.join(', ')})` : main;
}

/** Every searchable spelling of a name: each group with and without its "^", for the search index. */
export function nameSearchText(name: string | null | undefined): string {
  if (!name) return '';
  const groups = name.split('=').filter((g) => g.trim());
  return [...new Set(groups.flatMap((g) => [g.replace(/\^+/g, ' ').trim(), scriptGroup(g).replace(/\s+/g, '')]))].join(' ');
}
