/** Helpers that own a rule several stages share (issue #12: one owner per rule). */
import { describe, expect, it } from 'vitest';
import { CAPITALISED_WORD, isAllCapitals, isCapitalised } from '../pipeline/lib/capitals.js';
import { sourceIdOfFile } from '../pipeline/lib/ids.js';
import { numberingBreaks } from '../pipeline/lib/numbering.js';
import { keyFields, keyJoiner, keyOf } from '../pipeline/model/tables.js';

describe('numbering 1..n', () => {
  it('finds nothing in an unbroken list, and an empty list is unbroken', () => {
    expect(numberingBreaks([1, 2, 3, 4])).toEqual([]);
    expect(numberingBreaks([])).toEqual([]);
  });
  it('reports a gap once, where it opens, and a repeat where it falls back', () => {
    expect(numberingBreaks([1, 2, 4, 5])).toEqual([{ index: 2, number: 4, expected: 3 }]);
    expect(numberingBreaks([1, 2, 2, 3])).toEqual([{ index: 2, number: 2, expected: 3 }]);
  });
  it('expects one past the highest number seen, so a list that starts late breaks at its first entry', () => {
    expect(numberingBreaks([2, 3])).toEqual([{ index: 0, number: 2, expected: 1 }]);
    expect(numberingBreaks([1, 5, 2])).toEqual([
      { index: 1, number: 5, expected: 2 },
      { index: 2, number: 2, expected: 6 },
    ]);
  });
});

describe('the source id of an undeclared document', () => {
  it('is its file name without the extension, lower-case, other characters as dashes', () => {
    expect(sourceIdOfFile('/some/where/Report 2025.md')).toBe('report-2025');
    expect(sourceIdOfFile('report.pdf')).toBe('report');
    expect(sourceIdOfFile('Edition_2.final.md')).toBe('edition-2-final');
  });
});

describe('capitals', () => {
  const words = (text: string) => text.match(new RegExp(CAPITALISED_WORD, 'gu'));
  it('finds the words of a name that start with a capital, apostrophes and hyphens included', () => {
    expect(words('met Zhan-Marat O’Testov and berik in Almaty')).toEqual(['Zhan-Marat', 'O’Testov', 'Almaty']);
  });
  it('tells a family name in capitals from an initial, and a heading in capitals from a title', () => {
    expect([isCapitalised('TESTOV'), isCapitalised('A'), isCapitalised('Testov')]).toEqual([true, false, false]);
    expect([isAllCapitals('ARTICLE 405'), isAllCapitals('Article 405'), isAllCapitals('2025')]).toEqual([true, false, false]);
  });
});

describe('record keys', () => {
  it('joins a compound key with "|" and leaves a one-field key as it is', () => {
    expect(keyJoiner(['a', 'b'])({ a: 'x', b: 2 })).toBe('x|2');
    expect(keyJoiner(['id'])({ id: 'x|y' })).toBe('x|y');
  });
  it("uses the registry's key fields, and id for a table it does not know", () => {
    expect(keyOf('prisoners', { id: 'ann-test', name: 'Ann Test' })).toBe('ann-test');
    expect(keyFields('not_a_table')).toEqual(['id']);
  });
});
