/**
 * Where the report names a prisoner outside the prisoner's own entry. A name
 * is found as a run of capitalised words whose spelling-independent key
 * (lib/namekey.ts) equals the key of a prisoner's full name, given names
 * first or last, so "Aset Yerkinov" in a chapter finds the entry of
 * "Aset ERKINOV", and one vowel apart in the family name with the same given
 * name ("Aset Yarkinov" too). A family name alone ("Testov was tortured") is matched
 * only within a section that has named that prisoner in full and no
 * namesake: a report may list two people of one family name, or name a
 * relative of a prisoner who is not one.
 */
import { nameKey } from '../lib/namekey.js';
import type { Block, DocumentModel } from '../model/document.js';
import type { Mention } from '../model/records/mentions.js';
import type { Prisoner } from '../model/records/prisoners.js';
import { CAPITALISED_WORD } from '../lib/capitals.js';

export interface NameMention {
  prisoner_id: string;
  line: number;
  name_as_printed: string;
}

const CAPITALISED_WORDS = new RegExp(CAPITALISED_WORD, 'gu');
const POSSESSIVE = /['’]s$/u;

type Named = Pick<Prisoner, 'id' | 'given_name' | 'family_name' | 'source'>;

const VOWEL = /[aeiou]/;
/** The key with its i-th letter blanked: two keys one vowel apart share one such form. */
const blanked = (key: string, i: number) => `${key.slice(0, i)}*${key.slice(i + 1)}`;

/**
 * Names keyed as printed (nameKey), and by each form with one vowel of the
 * family name blanked, for spellings one vowel apart ("Telibayev" for
 * "TALIBAYEV"): the given names stay as they are, so two people of one family
 * never meet. Lookups cost the length of the name, however many names.
 */
interface NameKeys {
  exact: Map<string, string>;
  oneVowel: Map<string, Set<string>>;
  maxWords: number;
}

function keysOf(prisoners: Named[]): NameKeys {
  const exact = new Map<string, string>();
  const oneVowel = new Map<string, Set<string>>();
  let maxWords = 2;
  for (const p of prisoners) {
    if (!p.given_name) continue;
    const given = nameKey(p.given_name),
      family = nameKey(p.family_name);
    const orders: Array<[string, number]> = [
      [`${given} ${family}`, given.length + 1],
      [`${family} ${given}`, 0],
    ];
    for (const [key, familyAt] of orders) {
      exact.set(key, p.id);
      for (let i = familyAt; i < familyAt + family.length; i++) {
        if (!VOWEL.test(key[i]!)) continue;
        const form = blanked(key, i);
        if (!oneVowel.has(form)) oneVowel.set(form, new Set());
        oneVowel.get(form)!.add(p.id);
      }
    }
    maxWords = Math.max(maxWords, `${p.given_name} ${p.family_name}`.split(/\s+/).length);
  }
  return { exact, oneVowel, maxWords };
}

/** The prisoner a printed key names: exactly, else the only one whose family name is one vowel away. */
function lookUp(key: string, keys: NameKeys): string | undefined {
  const exact = keys.exact.get(key);
  if (exact) return exact;
  const ids = new Set<string>();
  for (let i = 0; i < key.length; i++) {
    if (VOWEL.test(key[i]!)) for (const id of keys.oneVowel.get(blanked(key, i)) ?? []) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** Runs of capitalised words separated by single spaces, as [start, end] offsets. */
function wordRuns(text: string): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [];
  let run: Array<[number, number]> = [];
  for (const m of text.matchAll(CAPITALISED_WORDS)) {
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

type Token =
  | { kind: 'full'; id: string; printed: string }
  | { kind: 'family'; family: string; printed: string }
  | { kind: 'namesake'; family: string };

const SENTENCE_START = /(?:^|[.!?:;]["”’)\]]*\s+)$/u;

/** Names in a block's text: full names of prisoners, family names alone, and other people sharing a prisoner's family name. */
function scanNames(text: string, keys: NameKeys, families: Set<string>): Token[] {
  const tokens: Token[] = [];
  for (const run of wordRuns(text)) {
    for (let i = 0; i < run.length; i++) {
      let matched = 0;
      for (let n = Math.min(keys.maxWords, run.length - i); n >= 2 && !matched; n--) {
        const printed = text.slice(run[i]![0], run[i + n - 1]![1]).replace(POSSESSIVE, '');
        const id = lookUp(nameKey(printed), keys);
        if (id) {
          tokens.push({ kind: 'full', id, printed });
          matched = n;
        }
      }
      if (matched) {
        i += matched - 1;
        continue;
      }
      const printed = text.slice(run[i]![0], run[i]![1]).replace(POSSESSIVE, '');
      const family = nameKey(printed);
      if (!families.has(family)) continue;
      // "Berik Testov" is someone else of that family; "Following Testov" starts a sentence.
      const namesake = i > 0 && !SENTENCE_START.test(text.slice(0, run[i - 1]![0]));
      tokens.push(namesake ? { kind: 'namesake', family } : { kind: 'family', family, printed });
    }
  }
  return tokens;
}

/** Blocks grouped under the heading they follow. */
function bySection(doc: DocumentModel): Block[][] {
  const groups: Block[][] = [[]];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') groups.push([]);
    groups.at(-1)!.push(b);
  }
  return groups;
}

/**
 * Every mention of a prisoner outside the prisoner's own entry, in document
 * order, without repeats per block. A family name alone counts where the
 * section has named exactly one prisoner of that family in full before it and
 * names nobody else of that family.
 */
export function findNameMentions(doc: DocumentModel, prisoners: Named[]): NameMention[] {
  const keys = keysOf(prisoners);
  const families = new Set(prisoners.map((p) => nameKey(p.family_name)));
  const familyOf = new Map(prisoners.map((p) => [p.id, nameKey(p.family_name)]));
  const own = new Map(prisoners.map((p) => [p.id, p.source]));
  const out: NameMention[] = [];
  for (const section of bySection(doc)) {
    const scanned = section.map((block) => ({ block, tokens: scanNames(block.text, keys, families) }));
    const namesakes = new Set(scanned.flatMap((s) => s.tokens.flatMap((t) => (t.kind === 'namesake' ? [t.family] : []))));
    const named = new Map<string, Set<string>>();
    for (const { block, tokens } of scanned) {
      const seen = new Set<string>();
      for (const t of tokens) {
        let id: string | undefined;
        if (t.kind === 'full') {
          id = t.id;
          const family = familyOf.get(id)!;
          named.set(family, (named.get(family) ?? new Set()).add(id));
        } else if (t.kind === 'family' && !namesakes.has(t.family) && named.get(t.family)?.size === 1) {
          id = [...named.get(t.family)!][0]!;
        }
        if (!id || t.kind === 'namesake') continue;
        const entry = own.get(id)!;
        const inOwnEntry = block.line_start >= entry.line_start && block.line_end <= entry.line_end;
        if (inOwnEntry || seen.has(`${id}|${t.printed}`)) continue;
        seen.add(`${id}|${t.printed}`);
        out.push({ prisoner_id: id, line: block.line_start, name_as_printed: t.printed });
      }
    }
  }
  return out;
}

/** Per prisoner, the spellings of the name found elsewhere that differ from the entry's own, in order of first appearance. */
export function aliasesByPrisoner(
  prisoners: Array<Pick<Prisoner, 'id' | 'name' | 'name_as_printed' | 'family_name'>>,
  mentions: NameMention[],
): Map<string, string[]> {
  const plain = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  const own = new Map(prisoners.map((p) => [p.id, new Set([plain(p.name), plain(p.name_as_printed), plain(p.family_name)])]));
  const aliases = new Map<string, string[]>(prisoners.map((p) => [p.id, []]));
  for (const m of mentions) {
    const list = aliases.get(m.prisoner_id)!;
    if (!own.get(m.prisoner_id)!.has(plain(m.name_as_printed)) && !list.includes(m.name_as_printed)) list.push(m.name_as_printed);
  }
  return aliases;
}

/**
 * Each mention numbered within its prisoner and section: the key says who is
 * named where, so a mention keeps its key when lines above it move.
 */
export function extractMentions(doc: DocumentModel, prisoners: Named[], sectionAt: (line: number) => string | null): Mention[] {
  const seen = new Map<string, number>();
  return findNameMentions(doc, prisoners).map((m) => {
    const section_id = sectionAt(m.line);
    const where = `${m.prisoner_id}|${section_id}`;
    const ordinal = (seen.get(where) ?? 0) + 1;
    seen.set(where, ordinal);
    return { prisoner_id: m.prisoner_id, section_id, ordinal, line: m.line, name_as_printed: m.name_as_printed };
  });
}
