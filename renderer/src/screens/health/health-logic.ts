// The health summary's rules, without React: what a review action makes of an item, what is
// said about it, and where the focus goes when an item leaves the list.
import type { HealthItem, HealthReviewStatus } from '../../../../shared/health.js';
import { itemElementId, type ItemAction } from './HealthItemRow.js';

/** The review status an action gives: a restored item is a suggestion again if it was read from records, else confirmed. */
export function reviewedStatus(item: HealthItem, action: 'confirm' | 'dismiss' | 'restore'): HealthReviewStatus {
  if (action === 'restore') return item.sources.length ? 'suggested' : 'confirmed';
  return action === 'confirm' ? 'confirmed' : 'dismissed';
}

/** "“Asthma” confirmed." and so on. */
export function reviewedMessage(item: HealthItem, status: HealthReviewStatus): string {
  return `“${item.text}” ${status === 'dismissed' ? 'dismissed' : status === 'confirmed' ? 'confirmed' : 'restored'}.`;
}

/** Focus after an item leaves the list: the next item of its kind, else the previous, else its section's Add button. */
export function neighbourId(items: HealthItem[], item: HealthItem): string {
  const same = items.filter((i) => i.kind === item.kind);
  const at = same.findIndex((i) => i.id === item.id);
  const next = same[at + 1] ?? same[at - 1];
  return next ? itemElementId(next.id) : `add-${item.kind}`;
}

/** Where the focus goes after a review: the item itself, unless a dismissed item disappears from the list. */
export function focusAfterReview(items: HealthItem[], item: HealthItem, status: HealthReviewStatus, showDismissed: boolean): string {
  return status === 'dismissed' && !showDismissed ? neighbourId(items, item) : itemElementId(item.id);
}

export type ReviewAction = Exclude<ItemAction, 'edit' | 'delete'>;
