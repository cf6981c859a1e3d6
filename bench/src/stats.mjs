// Small statistics helpers. Every figure in the report is the median of several runs, shown with min and max.

const sorted = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);

/** Percentile by linear interpolation between closest ranks (p in 0..100). */
export function percentile(xs, p) {
  const s = sorted(xs);
  if (!s.length) return NaN;
  if (s.length === 1) return s[0];
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

export const median = (xs) => percentile(xs, 50);
export const min = (xs) => sorted(xs)[0] ?? NaN;
export const max = (xs) => sorted(xs).at(-1) ?? NaN;
export const mean = (xs) => {
  const s = sorted(xs);
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
};

/** `{ median, min, max, n, runs }` of one value per run. */
export function summarize(runs) {
  const values = runs.filter((x) => Number.isFinite(x));
  return { median: median(values), min: min(values), max: max(values), n: values.length, runs: values };
}

/** The figure a budget is checked against, when one exists; NaN otherwise. */
export const valueOf = (s) => (s && typeof s === 'object' ? s.median : typeof s === 'number' ? s : NaN);

/** Shuffles a copy (Fisher–Yates), for interleaving measurements in a random order. */
export function shuffled(xs, rng = Math.random) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
