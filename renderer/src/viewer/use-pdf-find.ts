// Find in a PDF: every page's text is read once, matches are found across it, and each page gets
// the pieces of its text items to mark; Next/Previous walk the matches and go to their pages.
import { useMemo, useState } from 'react';
import { findMatches, highlightsOn, type ItemHighlight, type Match, type PageText } from './pdf-find.js';

export function usePdfFind(readText: () => Promise<PageText[]>, goToPage: (n: number) => void) {
  const [texts, setTexts] = useState<PageText[]>([]);
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [current, setCurrent] = useState(0);
  const [searching, setSearching] = useState(false);
  const currentMatch = matches?.[current] ?? null;
  const highlights = useMemo<ItemHighlight[][]>(
    () => texts.map((t, i) => (matches ? highlightsOn(t, matches.filter((m) => m.page === i + 1), currentMatch) : [])),
    [texts, matches, currentMatch],
  );

  async function find(query: string): Promise<void> {
    setSearching(true);
    const all = await readText();
    const found = findMatches(all, query);
    setTexts(all);
    setMatches(query.trim() ? found : null);
    setCurrent(0);
    setSearching(false);
    if (found[0]) goToPage(found[0].page);
  }

  function step(by: 1 | -1): void {
    if (!matches?.length) return;
    const next = (current + by + matches.length) % matches.length;
    setCurrent(next);
    goToPage(matches[next]!.page);
  }

  return { count: matches ? matches.length : null, current, searching, highlights, find, step };
}
