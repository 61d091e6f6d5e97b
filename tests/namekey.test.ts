import { describe, expect, it } from 'vitest';
import { nameKey } from '../pipeline/lib/namekey.js';

describe('nameKey: one key for the spellings of a transliterated name', () => {
  it.each([
    ['Bolat Sarsenbayev', 'Bolat Sarsenbaev'],
    ['Bolat Sarsenbayev', 'BOLAT SARSENBAYEV'],
    ['Aidos Kuzembiyev', 'Aydos Kuzembyev'],
    ['Yermek Tolegen', 'Ermek Tolegen'],
    ['Kiysym Zhakenov', 'Kiisim Jakenov'],
    ['Dzhanat Khamitov', 'Janat Hamitov'],
    ['Sara Dauletyarova', 'Sara Dauletiarova'],
    ['Zhan-Aidar Murat', 'Zhanaidar Murrat'],
    ["Timur Sadenov's", 'Timur Sadenov'],
  ])('%s = %s', (a, b) => expect(nameKey(a)).toBe(nameKey(b)));

  it.each([
    ['Bolat Sarsenbayev', 'Bolat Sarsenov'],
    ['Aidar Syzdykov', 'Fazyl Syzdykov'],
    ['Marat Ospanov', 'Murat Ospanov'],
  ])('%s ≠ %s', (a, b) => expect(nameKey(a)).not.toBe(nameKey(b)));

  it('keeps words apart and lower-cases', () => expect(nameKey('  Yerlan   OMIROV ')).toBe('erlan omirov'));
});
