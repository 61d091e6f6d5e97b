/** What the benchmark scripts share: where the report is, the median they report, and the floor of every ratio. */
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const MIRROR = resolve(ROOT, process.env.SOURCES_MIRROR ?? '../shared/sources');

/** A file of the default source in the mirror: report.md, report.pdf. */
export const reportFile = (name) => join(MIRROR, 'odf-2025-02-13-tough-year', name);

/** The median of `xs` (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Node's arguments for the floor: a bare start that reads `file` (report.md) and exits. */
export const floorArgs = (file) => ['-e', `require('node:fs').readFileSync(${JSON.stringify(file)})`];
