// What the person does with health items: review (confirm, dismiss, restore), delete, and take
// over the items nobody is assigned to. Each says what it did and puts the focus where it belongs.
import type { HealthItem } from '../../../../shared/health.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { plural } from '../../format.js';
import { focusAfterReview, neighbourId, reviewedMessage, reviewedStatus } from './health-logic.js';
import type { ItemAction } from './HealthItemRow.js';

export interface HealthActionContext {
  items: HealthItem[];
  personId: string | null;
  personName: string | undefined;
  showDismissed: boolean;
  focusAfter(elementId: string): void;
  setMessage(message: string): void;
  reload(): void;
  edit(item: HealthItem): void;
}

export function useHealthActions(ctx: HealthActionContext) {
  const bridge = useBridge();
  const { items, focusAfter, setMessage } = ctx;
  async function attempt(job: () => Promise<string>) {
    try {
      setMessage(await job());
      ctx.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  function act(item: HealthItem, action: ItemAction): void {
    if (action === 'edit') return ctx.edit(item);
    if (action === 'delete')
      return void attempt(async () => {
        await bridge.call('health.delete', { id: item.id });
        focusAfter(neighbourId(items, item));
        return `Deleted “${item.text}”.`;
      });
    const status = reviewedStatus(item, action);
    void attempt(async () => {
      await bridge.call('health.update', { id: item.id, patch: { status } });
      focusAfter(focusAfterReview(items, item, status, ctx.showDismissed));
      return reviewedMessage(item, status);
    });
  }
  /** The suggestions nobody is set for become this person's (their records stay as they are). */
  function adoptUnassigned(): void {
    const { personId } = ctx;
    if (!personId) return;
    void attempt(async () => {
      const list = await bridge.call('health.list', { personId: null });
      for (const item of list) await bridge.call('health.update', { id: item.id, patch: { personId } });
      focusAfter('h-person');
      return `${plural(list.length, 'item')} added to ${ctx.personName}'s summary. Please check them.`;
    });
  }
  return { act, adoptUnassigned };
}
