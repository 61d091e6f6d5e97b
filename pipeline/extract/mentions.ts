/**
 * Where the report names a prisoner outside the prisoner's own entry. A name
 * is found as a run of capitalised words whose spelling-independent key
 * (lib/namekey.ts) equals the key of a prisoner's full name, given names
 * first or last, so "Temirlan Yensebek" in a chapter finds the entry of
 * "Temirlan ENSEBEK". A family name alone is not matched: the report has
 * namesakes (two Syzdykovs; a Mendygazyev who is not a prisoner).
 */
import { nameKey } from '../lib/namekey.js';
import type { DocumentModel } from '../model/document.js';
import type { Mention } from '../model/records/mentions.js';
import type { Prisoner } from '../model/records/prisoners.js';

export interface NameMention {
  prisoner_id: string;
  line: number;
  name_as_printed: string;
}

const CAPITALISED_WORD = /\p{Lu}[\p{L}'’-]*/gu;
const POSSESSIVE = /['’]s$/u;

type Named = Pick<Prisoner, 'id' | 'given_name' | 'family_name' | 'source'>;

function keysOf(prisoners: Named[]): { keys: Map<string, string>; maxWords: number } {
  const keys = new Map<string, string>();
  let maxWords = 2;
  for (const p of prisoners) {
    if (!p.given_name) continue;
    keys.set(nameKey(`${p.given_name} ${p.family_name}`), p.id);
    keys.set(nameKey(`${p.family_name} ${p.given_name}`), p.id);
    maxWords = Math.max(maxWords, `${p.given_name} ${p.family_name}`.split(/\s+/).length);
  }
  return { keys, maxWords };
}

/** Runs of capitalised words separated by single spaces, as [start, end] offsets. */
function wordRuns(text: string): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [];
  let run: Array<[number, number]> = [];
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    const prev = run.at(-1);
    if (prev && !/^ $/.test(text.slice(prev[1], m.index))) {
      runs.push(run);
      run = [];
    }
    run.push([m.index, m.index + m[0].length]);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Every full-name mention of a prisoner outside the prisoner's own entry, in document order, without repeats per block. */
export function findNameMentions(doc: DocumentModel, prisoners: Named[]): NameMention[] {
  const { keys, maxWords } = keysOf(prisoners);
  const own = new Map(prisoners.map((p) => [p.id, p.source]));
  const out: NameMention[] = [];
  for (const block of doc.blocks) {
    const seen = new Set<string>();
    for (const run of wordRuns(block.text)) {
      for (let i = 0; i < run.length; i++) {
        for (let n = Math.min(maxWords, run.length - i); n >= 2; n--) {
          const printed = block.text.slice(run[i]![0], run[i + n - 1]![1]).replace(POSSESSIVE, '');
          const id = keys.get(nameKey(printed));
          if (!id) continue;
          const entry = own.get(id)!;
          const inOwnEntry = block.line_start >= entry.line_start && block.line_end <= entry.line_end;
          if (!inOwnEntry && !seen.has(`${id}|${printed}`)) {
            seen.add(`${id}|${printed}`);
            out.push({ prisoner_id: id, line: block.line_start, name_as_printed: printed });
          }
          i += n - 1;
          break;
        }
      }
    }
  }
  return out;
}

/** Per prisoner, the spellings of the name found elsewhere that differ from the entry's own, in order of first appearance. */
export function aliasesByPrisoner(prisoners: Array<Pick<Prisoner, 'id' | 'name' | 'name_as_printed'>>, mentions: NameMention[]): Map<string, string[]> {
  const plain = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  const own = new Map(prisoners.map((p) => [p.id, new Set([plain(p.name), plain(p.name_as_printed)])]));
  const aliases = new Map<string, string[]>(prisoners.map((p) => [p.id, []]));
  for (const m of mentions) {
    const list = aliases.get(m.prisoner_id)!;
    if (!own.get(m.prisoner_id)!.has(plain(m.name_as_printed)) && !list.includes(m.name_as_printed)) list.push(m.name_as_printed);
  }
  return aliases;
}

export const extractMentions = (doc: DocumentModel, prisoners: Named[], sectionAt: (line: number) => string | null): Mention[] =>
  findNameMentions(doc, prisoners).map((m) => ({ prisoner_id: m.prisoner_id, section_id: sectionAt(m.line), line: m.line, name_as_printed: m.name_as_printed }));
