/**
 * The Levenshtein distance between two strings (insertions, deletions and substitutions each
 * count 1), computed in one row. Inputs are short (labels, option names); longer inputs are cut
 * to 64 characters to keep the quadratic cost small.
 * @internal
 */
export function editDistance(first: string, second: string): number {
  const a = first.slice(0, 64);
  const b = second.slice(0, 64);
  const row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * The candidate nearest to `input` (case-insensitive), if it is near enough to be a likely typo:
 * at most a third of the candidate's length away (at least 1, at most 3 edits). Ties go to the
 * first candidate.
 * @internal
 */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const distance = editDistance(input.trim().toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance <= Math.max(1, candidate.length / 3)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * ` (did you mean "yes"?)` for a likely typo of one of the candidates, or nothing: the one
 * wording of every suggestion in messages.
 * @internal
 */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const suggestion = nearest(input, candidates);
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}
