import { describe, expect, it } from 'vitest';
import { parseCount } from '../pipeline/lib/counts.js';
import { findPeriod } from '../pipeline/lib/periods.js';
import { parseToc, titleKey } from '../pipeline/lib/toc.js';

describe('parseCount', () => {
  it.each([
    ['1,273', 1273],
    ['seven', 7],
    ['Six', 6],
    ['three thousand', 3000],
    ['One thousand six hundred', 1600],
    ['two hundred', 200],
    ['12', 12],
  ])('%s = %d', (text, n) => expect(parseCount(text)).toBe(n));
  it('is NaN for a word that is no number', () => expect(parseCount('several')).toBeNaN());
});

describe('findPeriod', () => {
  it.each([
    ['In 2024, the authorities issued 57 refusals.', '2024'],
    ['A total of 600 refusals have been documented since 2019.', '2019/..'],
    ['From March 2021 to June 2023 they filed 9 applications.', '2021-03/2023-06'],
    ['From 1 March 2021 to 2 June 2023 they filed 9 applications.', '2021-03-01/2023-06-02'],
    ['After January 2022, 300 people were convicted.', '2022-01/..'],
    ['There are 12 political prisoners.', null],
  ])('%s -> %s', (sentence, period) => expect(findPeriod(sentence)).toBe(period));
});

describe('parseToc', () => {
  it('reads title/page pairs from dot leaders, squashed to one line', () => {
    expect(parseToc('INTRODUCTION ..... 3 The case of Ann Test, Bob Test..... 4 ANNEX .... 12')).toEqual([
      { title: 'INTRODUCTION', page: 3 },
      { title: 'The case of Ann Test, Bob Test', page: 4 },
      { title: 'ANNEX', page: 12 },
    ]);
  });
  it('is empty for prose with an ellipsis', () => expect(parseToc('He waited... 3 days passed.')).toEqual([]));
  it('compares titles without case, spacing or quotes', () => expect(titleKey('The “Lantern”  case')).toBe(titleKey('THE "LANTERN" CASE')));
});
