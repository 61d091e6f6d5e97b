import { describe, expect, it } from 'vitest';
import { compareArticles, findArticles } from '../pipeline/lib/articles.js';
import { findDates } from '../pipeline/lib/dates.js';
import { slug, uniqueIds } from '../pipeline/lib/ids.js';
import { splitName } from '../pipeline/lib/names.js';
import { findTerms } from '../pipeline/lib/terms.js';
import { splitSentences } from '../pipeline/lib/text.js';
import { cleanUrl, footnoteUrls } from '../pipeline/lib/urls.js';

describe('dates', () => {
  it.each([
    ['Convicted on 3 February 2023.', '2023-02-03'],
    ['Sentenced on 10.02.2023.', '2023-02-10'],
    ['In September 2022 he was sentenced.', '2022-09'],
    ['First convicted in 2019.', '2019'],
    ['on February 5, 2024', '2024-02-05'],
  ])('%s -> %s', (text, iso) => {
    expect(findDates(text).map((d) => d.iso)).toEqual([iso]);
  });

  it('rejects impossible days and ignores amounts', () => {
    expect(findDates('on 31.02.2023 he paid 2,500 tenge')).toEqual([]);
    expect(findDates('USD ~11,100 and 1.5 years')).toEqual([]);
  });

  it('reports each date once at its most precise form, with its position', () => {
    expect(findDates('From 26 March to 1 April 2023')).toEqual([{ iso: '2023-04-01', index: 17, length: 12 }]);
  });
});

describe('prison terms', () => {
  it.each([
    ["5 years' imprisonment under Article 272", [60]],
    ['6.5 years’ imprisonment', [78]],
    ['5 years and 1 month of imprisonment', [61]],
    ['sentenced to 4.5 years in prison under', [54]],
    ['6 years of imprisonment', [72]],
    ["5 years' imprisonment under Article 106 plus 7 years' imprisonment under Article 428", [60, 84]],
    ['seven years in prison', [84]],
    ['18 months of imprisonment', [18]],
  ])('%s', (text, months) => {
    expect(findTerms(text).map((t) => t.months)).toEqual(months);
  });

  it('does not count restriction of liberty or bans', () => {
    expect(findTerms('1.5 years of restriction of liberty and a 2-year ban on activity')).toEqual([]);
  });
});

describe('articles', () => {
  it('reads labels after, before, and "for alleged"', () => {
    const text =
      'under Article 272 of the Criminal Code (“mass riots”), Article 256 of the Criminal Code for alleged “propaganda”, Article 380-1 for running over, attempt to “organise riots” (Article 200 of the Criminal Code)';
    expect(findArticles(text).map(({ article, label }) => [article, label])).toEqual([
      ['272', 'mass riots'],
      ['256', 'propaganda'],
      ['380-1', null],
      ['200', 'organise riots'],
    ]);
  });

  it('splits "Articles 174 and 274" without guessing a shared label', () => {
    expect(findArticles('Articles 174 and 274 of the Criminal Code').map((c) => [c.article, c.label])).toEqual([
      ['174', null],
      ['274', null],
    ]);
  });

  it('sorts numerically with sub-articles after their article', () => {
    expect(['405', '380-1', '174', '380', '90'].sort(compareArticles)).toEqual(['90', '174', '380', '380-1', '405']);
  });
});

describe('names and ids', () => {
  it('takes the capitalised word as the family name', () => {
    expect(splitName('Zhan-Aidar KARMENOV')).toEqual({ name: 'Zhan-Aidar Karmenov', given_name: 'Zhan-Aidar', family_name: 'Karmenov' });
    expect(splitName('KIM Olga')).toEqual({ name: 'Olga Kim', given_name: 'Olga', family_name: 'Kim' });
  });
  it('falls back to the last word when no word is in capitals', () => {
    expect(splitName('Akyl Demo')).toMatchObject({ given_name: 'Akyl', family_name: 'Demo' });
  });
  it('makes URL-safe ASCII ids, unique in order', () => {
    expect(slug('Zhan-Aidar Karmenov')).toBe('zhan-aidar-karmenov');
    expect(slug('Ömer O’Neil')).toBe('omer-oneil');
    expect(uniqueIds(['a-b', 'c', 'a-b'])).toEqual(['a-b', 'c', 'a-b-2']);
  });
});

describe('sentences and URLs', () => {
  it('keeps dates and decimals inside a sentence', () => {
    expect(splitSentences('Sentenced on 10.02.2023. He got 6.5 years. “Quote.” Next').map((s) => s.text)).toEqual([
      'Sentenced on 10.02.2023.',
      'He got 6.5 years.',
      '“Quote.”',
      'Next',
    ]);
  });
  it('cleans escapes and brackets, prefers link targets, keeps a printed space', () => {
    expect(cleanUrl('https://x.org/a\\_b')).toBe('https://x.org/a_b');
    expect(cleanUrl('https://x.org/a\\\\_b')).toBe('https://x.org/a_b');
    expect(footnoteUrls('https://x.org/a\\_b', ['https://x.org/a_b'])).toEqual(['https://x.org/a_b']);
    expect(footnoteUrls('<https://x.org/a b/>', ['https://x.org/a'])).toEqual(['https://x.org/a b/']);
    expect(footnoteUrls('Available upon request.')).toEqual([]);
  });
});
