/** The events table and the report's date: ids, order, and the prisoners' fields derived from events. */
import { findDates } from '../../lib/dates.js';
import { slug } from '../../lib/ids.js';
import type { DocumentModel } from '../../model/document.js';
import type { Event } from '../../model/records/events.js';
import type { draftEvents } from './build.js';
import { startOf } from './timeline.js';

type Draft = ReturnType<typeof draftEvents>[number];

/**
 * Ids that survive a new edition: prisoner, kind, date and the ordinal among
 * that person's events of that kind and date, never a line number.
 */
function withIds(drafts: Draft[]): Event[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    const base = slug(`${d.prisoner_id} ${d.kind} ${d.date}`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: `${base}-${n}`, ...d };
  });
}

/** Each prisoner's events by date (the start of a range; a month before the days of that month), then by line. */
export function orderEvents(drafts: Draft[], prisonerOrder: string[]): Event[] {
  const rank = new Map(prisonerOrder.map((id, i) => [id, i]));
  const sorted = drafts
    .map((d, i) => ({ d, i, rank: rank.get(d.prisoner_id)!, start: startOf(d.date) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
        a.d.source.line_start - b.d.source.line_start ||
        a.i - b.i,
    );
  return withIds(sorted.map((x) => x.d));
}

const LONGEST_DATE = '30 September 2025'.length + 4;

/** The report's date: the first block that is nothing but a full date ("13 February 2025" under the title); null when none. */
export function reportDate(doc: DocumentModel): string | null {
  for (const b of doc.blocks) {
    // "13 February 2025" alone: short, so long blocks are passed over without reading them
    if (b.kind === 'footnote' || b.kind === 'heading' || b.text.length > LONGEST_DATE) continue;
    const dates = findDates(b.text.trim());
    if (dates.length === 1 && dates[0]!.length === b.text.trim().length && dates[0]!.iso.length === 10) return dates[0]!.iso;
  }
  return null;
}
