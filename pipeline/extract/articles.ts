/**
 * The articles table: every article charged, with the labels the entries
 * print for it, and whether the report counts it among the "political"
 * articles. That set is read from the report's own sentence naming
 * "political" articles (and the sentence after it, when that one lists them:
 * "… and “political” articles of the Criminal Code. The latter include …").
 */
import { compareArticles, findArticles, type ArticleCitation } from '../lib/articles.js';
import { splitSentences } from '../lib/text.js';
import type { DocumentModel } from '../model/document.js';
import { isBody } from '../model/document.js';
import type { ArticleRow } from '../model/records/articles.js';
import type { ChargeRow } from '../model/records/charges.js';

const POLITICAL_ARTICLES = /[“"‘']political[”"’']\s+articles\b/i;

/** The articles the report names as "political", with the labels it prints for them there. */
export function politicalArticles(doc: DocumentModel): ArticleCitation[] {
  for (const b of doc.blocks) {
    if (!isBody(b)) continue;
    const sentences = splitSentences(b.text);
    const i = sentences.findIndex((s) => POLITICAL_ARTICLES.test(s.text));
    if (i < 0) continue;
    const named = findArticles(sentences[i]!.text);
    return named.length ? named : findArticles(sentences[i + 1]?.text ?? '');
  }
  return [];
}

/** Labels by frequency, most common first; ties keep the order of first appearance. */
function rankLabels(labels: string[]): string[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

export function extractArticles(charges: ChargeRow[], political: ArticleCitation[]): ArticleRow[] {
  const politicalSet = new Set(political.map((c) => c.article));
  const byArticle = new Map<string, ChargeRow[]>([...politicalSet].map((a) => [a, []]));
  for (const c of charges) byArticle.set(c.article, [...(byArticle.get(c.article) ?? []), c]);
  return [...byArticle.keys()].sort(compareArticles).map((article) => {
    const rows = byArticle.get(article)!;
    const printed = rows.flatMap((c) => c.label ?? []);
    // An article nobody is charged under keeps the label the criteria section prints for it.
    const labels = rankLabels(printed.length ? printed : political.flatMap((c) => (c.article === article && c.label ? [c.label] : [])));
    return {
      article,
      label: labels[0] ?? null,
      label_variants: labels,
      prisoner_count: new Set(rows.map((c) => c.prisoner_id)).size,
      listed_as_political: politicalSet.has(article),
    };
  });
}
