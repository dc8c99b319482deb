import { lazyRequire } from './lazy-require.js';

type Distance = (a: string, b: string) => number;

// Loaded on first use: most runs never suggest anything, and start-up time is worth more.
const levenshtein = lazyRequire<{ distance: Distance }>('fastest-levenshtein');

/** The candidate nearest to `word` (case-insensitive), if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const measure = levenshtein().distance;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = measure(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Allow roughly one edit per three characters, and always at least two.
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}
