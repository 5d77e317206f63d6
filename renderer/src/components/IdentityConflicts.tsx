// A list of identity conflicts in words (shared/words/identity.ts), one item each.
import type { IdentityConflict } from '../../../shared/domain.js';
import { describeConflict } from '../../../shared/words/identity.js';

export function IdentityConflictList({ conflicts, className }: { conflicts: IdentityConflict[]; className?: string }) {
  return (
    <ul className={className}>
      {conflicts.map((c, i) => <li key={i}>{describeConflict(c)}.</li>)}
    </ul>
  );
}
