// The selected records' actions, each saying what it did (or why it failed) in the bar's status line.
import { useState } from 'react';
import type { Person } from '../../../../shared/domain.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { plural } from '../../format.js';

export interface BulkActions {
  message: string;
  /** "3 records". */
  what: string;
  assign(personId: string): void;
  addToCase(caseId: string): void;
  /** Resolves true once the tag was added. */
  addTag(tag: string): Promise<boolean>;
  remove(): void;
}

export function useBulkActions({ ids, people, onChanged, onDeleted, onClear }: {
  ids: string[];
  people: Person[];
  onChanged: () => void;
  onDeleted: (ids: string[], label: string) => void;
  onClear: () => void;
}): BulkActions {
  const bridge = useBridge();
  const [message, setMessage] = useState('');
  const what = plural(ids.length, 'record');
  async function act(job: () => Promise<string>): Promise<boolean> {
    try {
      setMessage(await job());
      onChanged();
      return true;
    } catch (err) {
      setMessage(errorMessage(err));
      return false;
    }
  }
  return {
    message,
    what,
    assign: (personId) => {
      const name = people.find((p) => p.id === personId)?.name;
      void act(async () => (await bridge.call('records.updateMany', { ids, patch: { personId: personId || null } }), name ? `${what} assigned to ${name}.` : `${what} assigned to nobody.`));
    },
    addToCase: (caseId) => void act(async () => `${what} added to “${(await bridge.call('cases.addRecords', { id: caseId, recordIds: ids })).title}”.`),
    addTag: (tag) => act(async () => (await bridge.call('records.updateMany', { ids, patch: { addTags: [tag] } }), `Tag “${tag}” added to ${what}.`)),
    remove: () =>
      void act(async () => {
        await bridge.call('records.delete', { ids });
        onDeleted(ids, what);
        onClear();
        return '';
      }),
  };
}
