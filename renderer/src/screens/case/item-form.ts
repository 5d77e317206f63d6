// An item sent separately as its form holds it, and what the core is sent (no React). The date
// is that of the item's current status: a new item's is today; an edited item's follows the status
// chosen (the day it reached it, else today).
import type { CaseItem, CaseItemInput, CaseItemStatus } from '../../../../shared/cases.js';

export interface ItemForm {
  what: string;
  from: string;
  status: CaseItemStatus;
  /** YYYY-MM-DD, or ''. */
  date: string;
  carrier: string;
  tracking: string;
  notes: string;
}

export const todayIso = (now = new Date()): string => now.toISOString().slice(0, 10);

export function itemForm(item: CaseItem | undefined, today: string): ItemForm {
  return {
    what: item?.what ?? '',
    from: item?.from ?? '',
    status: item?.status ?? 'requested',
    date: item ? (item.dates[item.status] ?? '') : today,
    carrier: item?.carrier ?? '',
    tracking: item?.tracking ?? '',
    notes: item?.notes ?? '',
  };
}

/** The form with one field changed; for an edited item a new status brings its own date. */
export function withField(form: ItemForm, key: keyof ItemForm, value: string, item: CaseItem | undefined, today: string): ItemForm {
  const next = { ...form, [key]: value };
  if (key === 'status' && item) next.date = item.dates[value as CaseItemStatus] ?? today;
  return next;
}

/** An empty date is left out (the core then dates a new status today). */
export function itemInput(form: ItemForm): CaseItemInput {
  const { date, ...rest } = form;
  return date ? { ...rest, date } : rest;
}
