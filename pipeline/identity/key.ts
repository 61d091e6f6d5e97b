/**
 * Identity keys: one person, one key, however a report transliterates the
 * name. Folding (foldWord, shared with mention matching) maps the spelling variants of Kazakh and Russian names in
 * English texts onto one form; what folding gets wrong is decided by hand in
 * identity/decisions.json (read in ./ledger.ts).
 */

import { foldWord } from '../lib/namekey.js';

/** Fold a name part of one or more words: "Zhan-Marat" and "Zhanmarat" fold alike. */
export const foldPart = (part: string) =>
  part
    .split(/[\s-]+/)
    .map(foldWord)
    .join('');

/** The identity key of a person's name: folded given name(s), a space, folded family name. */
export const identityKey = (name: { given_name: string; family_name: string }) =>
  `${foldPart(name.given_name)} ${foldPart(name.family_name)}`;
