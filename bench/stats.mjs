/** What the benchmark scripts share: the median they report, and the floor every ratio is taken against. */

/** The median of `xs` (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Node's arguments for the floor: a bare start that reads `file` (report.md) and exits. */
export const floorArgs = (file) => ['-e', `require('node:fs').readFileSync(${JSON.stringify(file)})`];
