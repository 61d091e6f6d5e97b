/**
 * Claims: the numbers the report states about its subject, read by rules over
 * its sentences. A count is a number (digits or words) followed within a few
 * words by something counted (prisoners, refusals, complaints, people …); for
 * people, the verb of the clause says what happened to them (convicted,
 * detained, amnestied …). Prisoners' own entries are left to the prisoners table.
 */
import { findPeriod } from '../lib/periods.js';
import { findCounts } from '../lib/counts.js';
import { splitSentences } from '../lib/text.js';
import type { BodyBlock, DocumentModel } from '../model/document.js';
import { isBody } from '../model/document.js';
import type { Claim } from '../model/records/claims.js';
import type { Prisoner } from '../model/records/prisoners.js';

const inEntry = (b: BodyBlock, prisoners: Prisoner[]) =>
  prisoners.some((p) => b.line_start >= p.source.line_start && b.line_end <= p.source.line_end);

export function extractClaims(doc: DocumentModel, prisoners: Prisoner[], sectionAt: (line: number) => string | null): Claim[] {
  const claims: Claim[] = [];
  const perSection = new Map<string, number>();
  const entryStarts = new Set(prisoners.map((p) => p.source.line_start));
  for (const b of doc.blocks) {
    if (!isBody(b) || entryStarts.has(b.line_start) || inEntry(b, prisoners)) continue;
    const section = sectionAt(b.line_start);
    for (const c of findCounts(b.text)) {
      const key = section ?? 'front-matter';
      const k = (perSection.get(key) ?? 0) + 1;
      perSection.set(key, k);
      const next = splitSentences(b.text).find((s) => s.start > c.start)?.start ?? Infinity;
      claims.push({
        id: `${key}-${k}`,
        value: c.value,
        unit: c.unit,
        subject: c.subject,
        period: findPeriod(c.sentence),
        section_id: section,
        footnotes: [...new Set(b.refs.filter((r) => r.at >= c.start && r.at < next).map((r) => r.n))],
        text: c.sentence,
      });
    }
  }
  return claims;
}
