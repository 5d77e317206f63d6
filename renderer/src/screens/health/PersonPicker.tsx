// Whose health summary is shown, and the items read from records nobody is assigned to yet.
import { useEffect, useRef, useState } from 'react';
import type { Person } from '../../../../shared/domain.js';
import { plural } from '../../format.js';

export const NOBODY = '';

/** The first person's summary, unless the person already chose. */
export function useWhose(people: Person[]): [string, (id: string) => void] {
  const [who, setWho] = useState(NOBODY);
  const chosen = useRef(false);
  useEffect(() => {
    if (!chosen.current && people[0]) setWho(people[0].id);
  }, [people]);
  const choose = (id: string) => {
    chosen.current = true;
    setWho(id);
  };
  return [who, choose];
}

export function PersonPicker({ people, who, onChoose }: { people: Person[]; who: string; onChoose: (id: string) => void }) {
  return (
    <div className="row tight person-pick">
      <label htmlFor="h-person">Whose summary</label>
      <select id="h-person" value={who} onChange={(e) => onChoose(e.target.value)}>
        {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        <option value={NOBODY}>Not assigned to anyone</option>
      </select>
    </div>
  );
}

export function UnassignedBanner({ count, personName, onAdopt, onShow }: { count: number; personName: string; onAdopt: () => void; onShow: () => void }) {
  return (
    <div className="banner warn" role="note">
      <p>{plural(count, 'item')} read from records that are not assigned to anyone yet: they are not in {personName}'s summary.</p>
      <div className="row tight">
        <button type="button" onClick={onAdopt}>Add them to {personName}'s summary</button>
        <button type="button" onClick={onShow}>Show them first</button>
      </div>
    </div>
  );
}
