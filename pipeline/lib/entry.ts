/**
 * The shape of an entry in a numbered list of people, as reports in this
 * format print it: "12 Given FAMILY – text" (number, a name of capitalised
 * words, a dash). Shared by the PDF front end (to see where an entry starts
 * without Markdown) and the prisoners extractor (to read it).
 */
import { NAME_LETTERS } from './capitals.js';

/** A capitalised word, or an initial with its dot ("A."). */
const NAME_WORD = String.raw`\p{Lu}[.${NAME_LETTERS}]*`;
const HEAD = String.raw`^(\d{1,4})[.)]?\s+(${NAME_WORD}(?:\s+${NAME_WORD}){1,4})\s+[–—-]+`;

/** A whole entry: number, name, text. */
export const ENTRY = new RegExp(String.raw`${HEAD}\s+(.+)$`, 'su');
/** The opening of an entry, as a line of a page may show it: "24 Given FAMILY –". */
export const ENTRY_HEAD = new RegExp(String.raw`${HEAD}(?:\s|$)`, 'u');
/** A numbered entry whose name is missing: "12 – text". */
export const ENTRY_WITHOUT_NAME = /^(\d{1,4})[.)]?\s+[–—-]+\s/u;
