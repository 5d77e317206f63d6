// Guesses what kind of clinical document a text is, by weighted keyword scoring.
// A guess only: the user confirms or changes the type in the app.
import type { RecordType } from '../../../shared/domain.js';

type Rule = [pattern: RegExp, weight: number];
type ScoredType = Exclude<RecordType, 'imaging' | 'other'>;

const RULES: Record<ScoredType, Rule[]> = {
  pathology: [
    [/surgical pathology|pathology report|cytopathology|histopathology/g, 4],
    [/gross (description|examination)/g, 3],
    [/microscopic (description|examination|findings)?/g, 3],
    [/final (pathologic(al)? )?diagnosis/g, 2],
    [/immunohistochemi|\bihc\b|\bher2\b|\bki-?67\b/g, 2],
    [/\bspecimens?\b/g, 1.5],
    [/\bdiagnosis:/g, 1],
    [/\bbiops(y|ies)\b|\bresection\b|\bexcision\b/g, 1],
    [/\bmargins?\b|\bgrade\b|\bcarcinoma\b/g, 0.5],
  ],
  'radiology-report': [
    [/radiology report|diagnostic imaging report/g, 4],
    [/\bimpression\b/g, 2],
    [/\bradiologist\b/g, 2],
    [/\b(ct|mri|mr|pet(\/ct)?|ultrasound|sonograph\w*|x-?ray|radiograph\w*|mammogra\w*)( scan)? (of|chest|abdomen|pelvis|head|brain|breast)\b/g, 2],
    [/\bfindings\b/g, 1.5],
    [/\btechnique\b/g, 1.5],
    [/\bcomparison\b/g, 1],
    [/\b(with|without) (iv )?contrast\b/g, 1],
    [/\bclinical (history|indication)\b/g, 0.5],
  ],
  lab: [
    [/laboratory (report|results?)|lab results?/g, 3],
    [/reference (range|interval)s?|\bref\.? range\b/g, 3],
    [/\bcbc\b|complete blood count|metabolic panel|lipid panel/g, 2],
    [/\bcollected\b/g, 1.5],
    [/h(a)?emoglobin|hematocrit|\bwbc\b|platelets?|creatinine|glucose|sodium|potassium|\bpsa\b|\bcea\b/g, 1],
    [/\b(units?|mg\/dl|g\/dl|mmol\/l|µmol\/l|umol\/l|u\/l|iu\/l|ng\/ml|x?10\^?9\/l|fl|pg)\b/g, 0.7],
    [/\bflag\b|\babnormal\b|\bh\b|\bl\b/g, 0.2],
  ],
  'treatment-summary': [
    [/discharge summary|treatment summary|summary of care|end of treatment/g, 4],
    [/hospital course/g, 3],
    [/chemotherapy regimen|treatment plan|radiation therapy|radiotherapy/g, 2],
    [/discharge (diagnos[ie]s|medications|instructions|condition)/g, 2],
    [/admission date|date of admission|discharge date|date of discharge/g, 1.5],
    [/\bcycles?\b|\bchemotherapy\b/g, 0.5],
  ],
  letter: [
    [/\bdear (dr|doctor|colleague|mr|mrs|ms|sir|madam)\b/g, 3],
    [/\b(yours )?sincerely\b|kind regards|best regards|yours (truly|faithfully)/g, 2],
    [/thank you for (referring|seeing|the referral)/g, 2],
    [/\breferral\b|\brefer(ring)? (this|him|her|the patient)\b/g, 2],
    [/\bre:/g, 0.5],
  ],
  'medication-list': [
    [/medication list|current medications|list of medications|medication reconciliation/g, 4],
    [/\bsig:/g, 2],
    [/\b\d+(\.\d+)? ?(mg|mcg|µg|ml|units?)\b[^\n]{0,40}\b(daily|twice|once|bid|tid|qid|qd|at bedtime|every \d+ hours|as needed|prn)\b/g, 1.5],
    [/\b(tablets?|capsules?|inhaler)\b/g, 1],
    [/\brefills?\b/g, 1],
  ],
};

/** Below this score the text says too little to name a type. */
const MIN_SCORE = 2.5;
/** The best type must lead the next one by this much, or the text is about several things. */
const MIN_LEAD = 1.5;
/** Without a cue in the title, a type needs cues of this many different kinds in the text. */
const MIN_CUES = 2;
/** Repeated keywords add up, but only so far (a 40-row lab table must not drown the heading). */
const MAX_HITS_PER_RULE = 3;
const MAX_SCAN = 50_000;

interface TypeEvidence {
  score: number;
  /** How many different rules matched. */
  cues: number;
  /** A rule matched the title (the document's own heading or title). */
  inTitle: boolean;
}

export function scoreRecordTypes(text: string, title = ''): Record<ScoredType, TypeEvidence> {
  const body = text.slice(0, MAX_SCAN).toLowerCase();
  const head = title.toLowerCase();
  const scores = {} as Record<ScoredType, TypeEvidence>;
  for (const [type, rules] of Object.entries(RULES) as Array<[ScoredType, Rule[]]>) {
    const evidence: TypeEvidence = { score: 0, cues: 0, inTitle: false };
    for (const [pattern, weight] of rules) {
      const inBody = Math.min(countMatches(pattern, body), MAX_HITS_PER_RULE);
      // A keyword in the title says more than one in the body.
      const inHead = head ? Math.min(countMatches(pattern, head), 1) : 0;
      evidence.score += weight * inBody + weight * 2 * inHead;
      if (inBody || inHead) evidence.cues++;
      if (inHead) evidence.inTitle = true;
    }
    scores[type] = evidence;
  }
  return scores;
}

/**
 * The type a text most likely is, or 'other' when the guess would be weak: too few points, one
 * passing mention (a README naming "the discharge summary" on the disc), or two types alike.
 */
export function guessRecordType(text: string, title?: string): RecordType {
  const ranked = (Object.entries(scoreRecordTypes(text, title)) as Array<[ScoredType, TypeEvidence]>).sort((a, b) => b[1].score - a[1].score);
  const [best, next] = ranked;
  if (!best) return 'other';
  const [type, e] = best;
  const strong = e.score >= MIN_SCORE && (e.inTitle || e.cues >= MIN_CUES) && e.score - (next?.[1].score ?? 0) >= MIN_LEAD;
  return strong ? type : 'other';
}

function countMatches(pattern: RegExp, s: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(s) && n < MAX_HITS_PER_RULE) n++;
  pattern.lastIndex = 0;
  return n;
}
