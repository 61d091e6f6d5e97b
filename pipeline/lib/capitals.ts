/**
 * Capital letters as the report's conventions use them: a name's words start
 * with a capital, a family name and a chapter heading are printed in capitals,
 * a sentence starts with a capital. The one owner of these tests, for every
 * front end, extractor and QA check.
 */

/** What may follow a name's capital: letters, apostrophes ("O’Brien"), hyphens ("Zhan-Marat"). A character class's contents. */
export const NAME_LETTERS = String.raw`\p{L}'’-`;

/** A word that starts with a capital, as a name's words are printed ("Testov", "O’Brien"; also an initial "A"). */
export const CAPITALISED_WORD = String.raw`\p{Lu}[${NAME_LETTERS}]*`;

/** What a sentence starts with: a capital, a digit, an opening quote or bracket. A character class. */
export const SENTENCE_START = String.raw`[\p{Lu}\d“"‘(]`;

/** True for a word written in capitals ("TESTOV"), not a single initial. */
export const isCapitalised = (word: string) => /^\p{Lu}[\p{Lu}'’-]+$/u.test(word);

/** True for a text in capitals: a capital and no lower-case letter ("CONVICTED", "ARTICLE 405"). */
export const isAllCapitals = (text: string) => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
