// One item of the health summary: what it is, its details, where it was read from, and what the
// person can do with it (confirm or dismiss a suggestion, edit, delete, restore).
import type { HealthItem } from '../../../../shared/health.js';
import { describeHealthDetails } from '../../../../shared/words/health.js';
import { formatDate } from '../../format.js';

export type ItemAction = 'confirm' | 'dismiss' | 'restore' | 'edit' | 'delete';

export const itemElementId = (id: string): string => `health-item-${id}`;

export function HealthItemRow({ item, onAction, onOpenRecord }: { item: HealthItem; onAction: (a: ItemAction) => void; onOpenRecord: (recordId: string) => void }) {
  const details = describeHealthDetails(item);
  const imported = item.sources.length > 0;
  return (
    <li id={itemElementId(item.id)} tabIndex={-1} className={`panel health-item ${item.status}`} aria-label={item.text}>
      <div className="grow">
        <span className="card-title wrap">{item.text}</span>
        {item.status === 'suggested' && <span className="badge warn">Suggested from a record — please check</span>}
        {item.status === 'dismissed' && <span className="badge">Dismissed</span>}
        {details && <span className="card-meta block">{details}</span>}
        {imported && (
          <span className="card-meta block sources">
            Read from:{' '}
            {item.sources.map((s) => (
              <button key={s.recordId} type="button" className="link inline" onClick={() => onOpenRecord(s.recordId)}>
                {s.title}{s.date ? ` (${formatDate(s.date)})` : ''}
              </button>
            ))}
          </span>
        )}
      </div>
      <div className="item-actions">
        {item.status === 'suggested' && <button type="button" className="primary" onClick={() => onAction('confirm')} aria-label={`Confirm ${item.text}`}>Confirm</button>}
        {item.status === 'suggested' && <button type="button" onClick={() => onAction('dismiss')} aria-label={`Dismiss ${item.text}`}>Dismiss</button>}
        {item.status === 'dismissed' && <button type="button" onClick={() => onAction('restore')} aria-label={`Restore ${item.text}`}>Restore</button>}
        {item.status !== 'dismissed' && <button type="button" onClick={() => onAction('edit')} aria-label={`Edit ${item.text}`}>Edit</button>}
        {item.status === 'confirmed' && imported && <button type="button" onClick={() => onAction('dismiss')} aria-label={`Dismiss ${item.text}`}>Dismiss</button>}
        {!imported && <button type="button" className="danger" onClick={() => onAction('delete')} aria-label={`Delete ${item.text}`}>Delete</button>}
      </div>
    </li>
  );
}
