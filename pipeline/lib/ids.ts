import { basename } from 'node:path';

/** URL-safe, lower-case ASCII slug: "Zhan-Marat Examplov" -> "zhan-marat-examplov". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Give each slug a unique id in order of appearance: a second "ivan-ivanov" becomes "ivan-ivanov-2". */
export function uniqueIds(slugs: string[]): string[] {
  const seen = new Map<string, number>();
  return slugs.map((s) => {
    const n = (seen.get(s) ?? 0) + 1;
    seen.set(s, n);
    return n === 1 ? s : `${s}-${n}`;
  });
}

/**
 * The source id of an undeclared document, from its file name: "Report 2025.md" -> "report-2025".
 * Not slug(): an extract's ids were always made this way (no accent folding, dashes kept at the ends).
 */
export const sourceIdOfFile = (file: string): string =>
  basename(file)
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
