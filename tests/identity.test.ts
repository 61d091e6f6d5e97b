import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPrisoners } from '../pipeline/extract/prisoners.js';
import { foldPart, identityKey } from '../pipeline/identity/key.js';
import { assignIds, emptyIdentity, loadIdentity, personKey } from '../pipeline/identity/ledger.js';
import { splitName } from '../pipeline/lib/names.js';
import { readDocument } from '../pipeline/parse/document.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf, REPORT_MD } from './helpers.js';

/** The ids of the report's 48 people as first published (1.0.0): they must never change. */
const PUBLISHED_IDS = [
  'zhaksylyk-abdullayev',
  'rinat-aliyev',
  'chingiz-alpiyev',
  'timur-danebayev',
  'nurlan-dalibayev',
  'yerbol-zhumanov',
  'nursultan-isayev',
  'darkhan-kami',
  'zhan-aidar-karmenov',
  'kazybek-kudaibergenov',
  'nurakhan-makhatov',
  'kalas-nurpeisov',
  'aibol-sagintay',
  'aigerim-tleuzhan',
  'yermuhamet-shilibaev',
  'makhambet-abzhan',
  'shaden-karibayev',
  'yerulan-amirov',
  'karasay-ashirbekov',
  'rinat-batkayev',
  'natalia-dauletyarova',
  'bekizhan-mendygaziyev',
  'bagdagul-andreyeva',
  'akylzhan-kiysymbayev',
  'olzhas-kulzhakhanov',
  'sagyngkul-konar',
  'tenilik-nurlanov',
  'yerzhan-torekulov',
  'marat-zhylanbayev',
  'askar-sembay',
  'aidar-syzdykov',
  'asanali-suyubaev',
  'asylbek-zhamuratov',
  'duman-mukhametkarim',
  'yerzhan-yelshibayev',
  'dauren-makin',
  'amangeldy-urazbaev',
  'aslan-utepov',
  'malik-ahmetkaliyev',
  'daniyar-adilbekov',
  'nurlan-zhaulibaev',
  'zhanat-kazakbay',
  'fazylzhan-syzdykov',
  'nurlan-temirgaliyev',
  'aidar-mubarakov',
  'zhandarbek-bashanov',
  'temirlan-ensebek',
  'akylbek-muratov',
];

describe('folding transliteration variants', () => {
  it.each([
    ['Yelshibayev', 'Elshibaev'],
    ['Kiysymbayev', 'Kiisimbayev'],
    ['Zhanat', 'Janat'],
    ['Dzhanat', 'Zhanat'],
    ['Mukhametkarim', 'Muhametkarim'],
    ['Aliyev', 'Aliev'],
    ['Aliyev', 'Alyev'],
    ['Abdullayev', 'Abdullaev'],
    ['Abdullayev', 'Abdulayev'],
    ['Andreyeva', 'Andreeva'],
    ['Zhan-Aidar', 'Zhanaidar'],
    ['SYZDYKOV', 'Sizdikov'],
    ['Yerzhan', 'Erzhan'],
  ])('%s and %s fold alike', (a, b) => {
    expect(foldPart(a)).toBe(foldPart(b));
  });

  it.each([
    ['Testov', 'Tostov'],
    ['Bekov', 'Berkov'],
    ['Aliyev', 'Aliyeva'],
  ])('%s and %s stay apart', (a, b) => {
    expect(foldPart(a)).not.toBe(foldPart(b));
  });

  it('keeps people who share a family name apart by their given names', () => {
    expect(identityKey(splitName('Aidar SAMPLEKOV'))).not.toBe(identityKey(splitName('Fazyl SAMPLEKOV')));
  });
});

describe('ids', () => {
  it('pins the published ids of the real report: the committed ledger gives the same 48 ids, and needs no new entry', async () => {
    const identity = loadIdentity();
    const before = identity.ledger.size;
    const doc = await readDocument(readFileSync(REPORT_MD), REPORT_MD);
    const { dataset } = extractAll(doc, 'odf-2025-02-13-tough-year', identity);
    expect(dataset.prisoners.map((p) => p.id)).toEqual(PUBLISHED_IDS);
    expect(identity.ledger.size).toBe(before);
    expect([...identity.ledger.values()].sort()).toEqual([...PUBLISHED_IDS].sort());
    // two people named Syzdykov with different given names stay two people
    expect(dataset.prisoners.filter((p) => p.family_name === 'Syzdykov').map((p) => p.id)).toEqual([
      'aidar-syzdykov',
      'fazylzhan-syzdykov',
    ]);
  });

  it('keeps the first-published id when a later edition respells the name', () => {
    const identity = emptyIdentity();
    const first = extractPrisoners(modelOf(readFileSync(fixture('edition-1.md'), 'utf8')), 'e1', identity).prisoners;
    const second = extractPrisoners(modelOf(readFileSync(fixture('edition-2.md'), 'utf8')), 'e2', identity).prisoners;
    expect(first.find((p) => p.family_name === 'Orazaliyev')?.id).toBe('daulet-orazaliyev');
    expect(second.find((p) => p.family_name === 'Orazaliev')?.id).toBe('daulet-orazaliyev');
  });

  it('a published id survives even a ledger-less slug clash: a new person never takes an id in use', () => {
    const identity = emptyIdentity();
    identity.ledger.set('someone else', 'arman-testov');
    expect(assignIds([splitName('Arman TESTOV')], identity)).toEqual(['arman-testov-2']);
    expect(assignIds([splitName('Arman TESTOV')], identity)).toEqual(['arman-testov-2']);
  });

  it('tells apart two people in one list whose names fold alike, by order', () => {
    const ids = assignIds([splitName('Rinat SAMPLIYEV'), splitName('Rinat SAMPLIEV')], emptyIdentity());
    expect(ids).toEqual(['rinat-sampliyev', 'rinat-sampliev']);
  });

  it('applies manual decisions: one person despite unfoldable spellings; two people despite alike folding', () => {
    const decisions = {
      same_person: [{ names: ['Qanat EXAMPLOV', 'Kanat EXAMPLOV'], why: 'same person, Q/K spelling' }],
      different_person: [{ names: ['Rinat SAMPLIYEV', 'Rinat SAMPLIEV'], why: 'cousins' }],
    };
    expect(personKey(splitName('Kanat EXAMPLOV'), decisions)).toBe(personKey(splitName('Qanat EXAMPLOV'), decisions));
    expect(personKey(splitName('Rinat SAMPLIYEV'), decisions)).not.toBe(personKey(splitName('Rinat SAMPLIEV'), decisions));
    const identity = emptyIdentity(decisions);
    expect(assignIds([splitName('Qanat EXAMPLOV'), splitName('Rinat SAMPLIYEV')], identity)).toEqual(['qanat-examplov', 'rinat-sampliyev']);
    expect(assignIds([splitName('Rinat SAMPLIEV'), splitName('Kanat EXAMPLOV')], identity)).toEqual(['rinat-sampliev', 'qanat-examplov']);
  });

  it('the committed decisions file is valid', () => {
    expect(() => loadIdentity()).not.toThrow();
  });
});
