/** Citations of Criminal Code articles and the labels the report quotes for them. */

export interface ArticleCitation {
  article: string;
  /** The quoted label as printed, without quotes; null when none is quoted. */
  label: string | null;
  index: number;
}

const ARTICLE_NO = String.raw`\d{1,3}(?:-\d{1,2})?`;
const CITATION = new RegExp(String.raw`\bArticles?\s+(${ARTICLE_NO}(?:(?:\s*,\s*|\s+and\s+)${ARTICLE_NO})*)`, 'g');
const CODE_NAME = String.raw`(?:\s+of\s+the\s+(?:Criminal|Penal)\s+Code(?:\s+of\s+(?:the\s+Republic\s+of\s+)?Kazakhstan)?)?`;
const QUOTED = '[“"]([^”"]{2,200})[”"]';
/** Label after: ` (“label”)`, ` for alleged “label”`, ` on charges of “label”`. */
const LABEL_AFTER = new RegExp(String.raw`^${CODE_NAME}\s*(?:\(\s*${QUOTED}\s*\)|(?:for|on charges of)\s+(?:alleged(?:ly)?\s+)?${QUOTED})`);
/** Label before: `“label” (Article 272 …)`. */
const LABEL_BEFORE = new RegExp(String.raw`${QUOTED}\s*\(\s*$`);

/** Citations in order of appearance; "Articles 174 and 274" yields two. */
export function findArticles(text: string): ArticleCitation[] {
  const out: ArticleCitation[] = [];
  for (const m of text.matchAll(CITATION)) {
    const numbers = m[1]!.split(/\s*,\s*|\s+and\s+/);
    const after = LABEL_AFTER.exec(text.slice(m.index + m[0].length));
    const before = LABEL_BEFORE.exec(text.slice(Math.max(0, m.index - 240), m.index));
    const quoted = after ? (after[1] ?? after[2]) : before?.[1];
    const label = numbers.length === 1 && quoted ? quoted.trim() : null;
    for (const article of numbers) out.push({ article, label, index: m.index });
  }
  return out;
}

/** Sort article numbers numerically: "174" < "380" < "380-1" < "405". */
export function compareArticles(a: string, b: string): number {
  const [a1, a2 = 0] = a.split('-').map(Number);
  const [b1, b2 = 0] = b.split('-').map(Number);
  return a1! - b1! || a2 - b2;
}
