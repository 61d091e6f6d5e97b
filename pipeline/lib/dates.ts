/** Dates as the report prints them, turned into ISO 8601 (day, month or year precision). */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;

export interface FoundDate {
  iso: string;
  /** Offset and length of the printed date in the searched text. */
  index: number;
  length: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Order matters: the most precise form is tried first at each position.
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  // 3 February 2023
  [
    new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'iy'),
    (m) => {
      const d = Number(m[1]),
        mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1,
        y = Number(m[3]);
      return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
    },
  ],
  // February 3, 2023
  [
    new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'iy'),
    (m) => {
      const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1,
        d = Number(m[2]),
        y = Number(m[3]);
      return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
    },
  ],
  // 10.02.2023 is day.month.year
  [
    /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/y,
    (m) => {
      const d = Number(m[1]),
        mo = Number(m[2]),
        y = Number(m[3]);
      return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
    },
  ],
  // February 2023
  [new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'iy'), (m) => `${m[2]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}`],
  // 2019 (only years that look like years in a recent report)
  [/(?<![\d.])\b(19[5-9]\d|20\d\d)\b(?![.,]\d)/y, (m) => m[1]!],
];

/** A date starts with a digit or a month's initial. */
const DATE_START = /[\dJFMASONDjfmasond]/;

/** Every date in the text, in order, each printed date reported once at its most precise form. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  if (!/\d{4}/.test(text)) return out; // every form has a four-digit year: most sentences are skipped in one test
  for (let i = 0; i < text.length; i++) {
    if (!DATE_START.test(text[i]!)) continue;
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue; // dates start at a word boundary
    for (const [re, toIso] of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const iso = toIso(m);
      if (iso === null) continue;
      out.push({ iso, index: i, length: m[0].length });
      i += m[0].length - 1;
      break;
    }
  }
  return out;
}

/** ISO dates of mixed precision compare as strings: "2022-04" < "2022-05-05". */
export const earliest = (dates: string[]) => (dates.length ? [...dates].sort()[0]! : null);
export const latest = (dates: string[]) => (dates.length ? [...dates].sort().at(-1)! : null);

/** Year, month and day of an ISO date of any precision; month and day undefined where not printed. */
const partsOf = (iso: string) => iso.split('-').map(Number) as [number, number?, number?];

/**
 * Whole months from one date to a later one, at the coarser precision of the
 * two: day precision counts completed months, month precision counts calendar
 * months; null where either is only a year (too coarse to count months).
 */
export function monthsBetween(from: string, to: string): number | null {
  const [y1, m1, d1] = partsOf(from);
  const [y2, m2, d2] = partsOf(to);
  if (m1 === undefined || m2 === undefined) return null;
  const months = (y2 - y1) * 12 + (m2 - m1) - (d1 !== undefined && d2 !== undefined && d2 < d1 ? 1 : 0);
  return months;
}

/** The date `months` later, at the precision of the start; null for a year-only start. Past a month's end: its last day. */
export function addMonths(iso: string, months: number): string | null {
  const [y, m, d] = partsOf(iso);
  if (m === undefined) return null;
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12),
    month = (total % 12) + 1;
  if (d === undefined) return `${year}-${pad(month)}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** A day-precision date moved by whole days; null for coarser dates. */
export function addDays(iso: string, days: number): string | null {
  const [y, m, d] = partsOf(iso);
  if (m === undefined || d === undefined) return null;
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Two dates agree when one is the other at lower precision ("2023-06" and "2023-06-15"). */
export const datesAgree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** a is before b at the precision both share ("2023-05" is not before "2023-05-10"). */
export const isBefore = (a: string, b: string) => !datesAgree(a, b) && a < b;
