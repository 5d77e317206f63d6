// An opinion as the form holds it (text fields, one answer per question of the case) and back
// into what the core stores (no React).
import type { Opinion, OpinionInput, OpinionRole } from '../../../../shared/cases.js';

export interface OpinionForm {
  by: string;
  role: OpinionRole;
  /** YYYY-MM-DD, or ''. */
  date: string;
  /** '' for no letter. */
  recordId: string;
  diagnosis: string;
  stage: string;
  treatment: string;
  urgency: string;
  notes: string;
}

/** A new opinion is a second opinion by default. */
export function opinionForm(opinion?: Opinion): OpinionForm {
  return {
    by: opinion?.by ?? '',
    role: opinion?.role ?? 'second',
    date: opinion?.date ?? '',
    recordId: opinion?.recordId ?? '',
    diagnosis: opinion?.diagnosis ?? '',
    stage: opinion?.stage ?? '',
    treatment: opinion?.treatment ?? '',
    urgency: opinion?.urgency ?? '',
    notes: opinion?.notes ?? '',
  };
}

/** One answer per question of the case, in its order: what the opinion answered, else ''. */
export function opinionAnswers(questions: string[], opinion?: Opinion): string[] {
  return questions.map((q) => opinion?.answers.find((a) => a.question === q)?.answer ?? '');
}

/** What is saved: empty date and letter as none, every question with its answer (maybe ''). */
export function opinionInput(form: OpinionForm, questions: string[], answers: string[]): OpinionInput {
  return { ...form, date: form.date || null, recordId: form.recordId || null, answers: questions.map((question, i) => ({ question, answer: answers[i] ?? '' })) };
}
