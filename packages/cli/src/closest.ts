/**
 * Edit distance (insertions, deletions, substitutions and swaps of two neighbours each count 1)
 * between two short words: flag names, provider names, column names.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The candidate nearest to `word` (the first of equals), with its distance. */
export function closest(word: string, candidates: readonly string[]): { match: string; distance: number } {
  // Words far longer than any candidate are not typos of one; cap the work on hostile input.
  const probe = word.slice(0, 64).toLowerCase();
  let match = candidates[0] ?? "";
  let distance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(probe, candidate.toLowerCase());
    if (d < distance) {
      match = candidate;
      distance = d;
    }
  }
  return { match, distance };
}

/** `; did you mean X?` when a candidate is near enough to be what was meant, else "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const { match, distance } = closest(word, candidates);
  return distance <= Math.max(2, Math.floor(match.length / 3)) ? `; did you mean ${match}?` : "";
}
