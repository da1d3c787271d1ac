/**
 * The Levenshtein distance between two strings (insertions, deletions and substitutions each
 * count 1), computed in two rows. Inputs are short (labels, option names), so the quadratic cost
 * does not matter; longer inputs are cut to 64 characters to keep it so.
 * @internal
 */
export function editDistance(first: string, second: string): number {
  const a = first.slice(0, 64);
  const b = second.slice(0, 64);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The candidate nearest to `input` (case-insensitive), if it is near enough to be a likely typo:
 * at most a third of the candidate's length away, and at most 3 edits. Ties go to the first.
 * @internal
 */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance && distance <= Math.min(3, Math.max(1, Math.floor(candidate.length / 3)))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
