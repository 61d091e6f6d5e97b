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
  [new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'iy'), (m) => {
    const d = Number(m[1]), mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1, y = Number(m[3]);
    return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }],
  // February 3, 2023
  [new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'iy'), (m) => {
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1, d = Number(m[2]), y = Number(m[3]);
    return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }],
  // 10.02.2023 is day.month.year
  [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/y, (m) => {
    const d = Number(m[1]), mo = Number(m[2]), y = Number(m[3]);
    return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }],
  // February 2023
  [new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'iy'), (m) => `${m[2]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}`],
  // 2019 (only years that look like years in a recent report)
  [/(?<![\d.])\b(19[5-9]\d|20\d\d)\b(?![.,]\d)/y, (m) => m[1]!],
];

/** Every date in the text, in order, each printed date reported once at its most precise form. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (let i = 0; i < text.length; i++) {
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
