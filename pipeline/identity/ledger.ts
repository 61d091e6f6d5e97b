/**
 * Stable ids. The ledger (identity/ledger.json, committed) maps each identity
 * key ever published to its id, so a published id never changes; a person seen
 * for the first time gets the slug of the name as first published. Manual
 * decisions (identity/decisions.json, committed and reviewed) fix what folding
 * gets wrong: names that are one person although they fold apart, and names
 * that are different people although they fold alike.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EXIT, PipelineError } from '../errors.js';
import { slug } from '../lib/ids.js';
import { projectRoot } from '../lib/project.js';
import { type PersonName, splitName } from '../lib/names.js';
import { identityKey } from './key.js';

const Group = z.strictObject({ names: z.array(z.string().min(1)).min(2), why: z.string().min(1) });
export const Decisions = z.strictObject({
  same_person: z.array(Group).describe('Each group is one person: every name gets the key of the first'),
  different_person: z.array(Group).describe('Each name of a group is its own person, even where the names fold alike'),
});
export type Decisions = z.infer<typeof Decisions>;
const LedgerFile = z.record(z.string(), z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));

export interface Identity {
  decisions: Decisions;
  /** identity key -> published id; grows as new people are assigned ids. */
  ledger: Map<string, string>;
}

export const NO_DECISIONS: Decisions = { same_person: [], different_person: [] };
export const emptyIdentity = (decisions: Decisions = NO_DECISIONS): Identity => ({ decisions, ledger: new Map() });

export const IDENTITY_DIR = join(projectRoot(), 'identity');
export const LEDGER_FILE = join(IDENTITY_DIR, 'ledger.json');
export const DECISIONS_FILE = join(IDENTITY_DIR, 'decisions.json');

function readJson<T>(file: string, schema: z.ZodType<T>, fallback: T): T {
  if (!existsSync(file)) return fallback;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PipelineError(`not valid JSON (${(e as Error).message})`, EXIT.validation, { file });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineError(`${issue.path.join('.') || '(root)'}: ${issue.message}`, EXIT.validation, { file });
  }
  return parsed.data;
}

export function loadIdentity(ledgerFile = LEDGER_FILE, decisionsFile = DECISIONS_FILE): Identity {
  const decisions = readJson(decisionsFile, Decisions, NO_DECISIONS);
  const ledger = readJson(ledgerFile, LedgerFile, {});
  return { decisions, ledger: new Map(Object.entries(ledger)) };
}

/** The ledger as committed: keys sorted, one per line. */
export const ledgerText = (ledger: Map<string, string>) =>
  `${JSON.stringify(Object.fromEntries([...ledger].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), null, 2)}\n`;

export const saveLedger = (identity: Identity, file = LEDGER_FILE) => writeFileSync(file, ledgerText(identity.ledger));

/** Decision names are written as the report prints them: "Given FAMILY". */
const keyOfPrinted = (printed: string) => identityKey(splitName(printed));

/** identity key of a person's name, after the manual decisions. */
export function personKey(name: PersonName, decisions: Decisions): string {
  const exact = slug(name.name);
  for (const group of decisions.different_person) {
    if (group.names.some((n) => slug(splitName(n).name) === exact)) return `${identityKey(name)}/${exact}`;
  }
  const key = identityKey(name);
  for (const group of decisions.same_person) {
    if (group.names.some((n) => keyOfPrinted(n) === key)) return keyOfPrinted(group.names[0]!);
  }
  return key;
}

/** A slug not yet used by anyone: "ivan-ivanov", else "ivan-ivanov-2", ... */
function freshId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The id of each name, in order. Known keys keep their ledger id; new keys get
 * a fresh slug and are added to identity.ledger. Two people in one list whose
 * names fold alike are told apart by their order ("key#2").
 */
export function assignIds(names: PersonName[], identity: Identity): string[] {
  const used = new Set(identity.ledger.values());
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = personKey(name, identity.decisions);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const ledgerKey = n === 1 ? key : `${key}#${n}`;
    let id = identity.ledger.get(ledgerKey);
    if (id === undefined) {
      id = freshId(slug(name.name) || 'person', used); // a name without a Latin letter (Cyrillic) has no slug
      identity.ledger.set(ledgerKey, id);
      used.add(id);
    }
    return id;
  });
}
