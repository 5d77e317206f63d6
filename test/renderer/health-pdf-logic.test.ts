// The health summary's review rules and the PDF viewer's arithmetic.
import { describe, expect, it } from 'vitest';
import type { HealthItem } from '../../shared/health.js';
import { focusAfterReview, neighbourId, reviewedMessage, reviewedStatus } from '../../renderer/src/screens/health/health-logic.js';
import { clampPage, pageInView, pdfScale } from '../../renderer/src/viewer/pdf-layout.js';

const item = (id: string, kind: HealthItem['kind'], sources = 0): HealthItem =>
  ({ id, kind, text: `item ${id}`, status: 'suggested', personId: null, sources: Array.from({ length: sources }, () => ({ recordId: 'r' })) }) as unknown as HealthItem;

describe('health review', () => {
  it('restores a suggestion read from records as a suggestion, a typed item as confirmed', () => {
    expect(reviewedStatus(item('a', 'condition', 1), 'restore')).toBe('suggested');
    expect(reviewedStatus(item('a', 'condition'), 'restore')).toBe('confirmed');
    expect(reviewedStatus(item('a', 'condition', 1), 'confirm')).toBe('confirmed');
    expect(reviewedStatus(item('a', 'condition', 1), 'dismiss')).toBe('dismissed');
  });

  it('says what happened', () => {
    expect(reviewedMessage(item('a', 'condition'), 'dismissed')).toBe('“item a” dismissed.');
    expect(reviewedMessage(item('a', 'condition'), 'confirmed')).toBe('“item a” confirmed.');
    expect(reviewedMessage(item('a', 'condition'), 'suggested')).toBe('“item a” restored.');
  });

  it('moves the focus to the next item of the same kind, else the previous, else Add', () => {
    const list = [item('a', 'condition'), item('m', 'medication'), item('b', 'condition'), item('c', 'condition')];
    expect(neighbourId(list, list[0]!)).toBe('health-item-b');
    expect(neighbourId(list, list[3]!)).toBe('health-item-b');
    expect(neighbourId(list, list[1]!)).toBe('add-medication');
  });

  it('keeps the focus on an item that stays in the list', () => {
    const list = [item('a', 'condition'), item('b', 'condition')];
    expect(focusAfterReview(list, list[0]!, 'dismissed', false)).toBe('health-item-b');
    expect(focusAfterReview(list, list[0]!, 'dismissed', true)).toBe('health-item-a');
    expect(focusAfterReview(list, list[0]!, 'confirmed', false)).toBe('health-item-a');
  });
});

describe('PDF layout', () => {
  it('fits the first page to the width less margins, not below 25 %', () => {
    expect(pdfScale('fit', 600, 1232)).toBe(2);
    expect(pdfScale('fit', 600, 100)).toBe(0.25);
    expect(pdfScale('fit', undefined, 1000)).toBe(1);
    expect(pdfScale('fit', 600, 0)).toBe(1);
    expect(pdfScale(1.5, 600, 1232)).toBe(1.5);
  });

  it('keeps a page number in range', () => {
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(9, 5)).toBe(5);
    expect(clampPage(3, 5)).toBe(3);
  });

  it('finds the page whose top is above the first third of the view', () => {
    const tops = [0, 1000, 2000, 3000];
    expect(pageInView(tops, 0, 900)).toBe(1);
    expect(pageInView(tops, 800, 900)).toBe(2);
    expect(pageInView(tops, 1800, 600)).toBe(3);
    expect(pageInView([], 0, 900)).toBeNull();
  });
});
