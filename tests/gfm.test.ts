/** The pipeline's GFM reader (pipeline/lib/gfm.ts): without the email literal where a text has no "@", the same tree. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gfmProcessor, gfmProcessorWithoutEmailLiteral, parseGfm } from '../pipeline/lib/gfm.js';
import { fixture, REPORT_MD, ROOT } from './helpers.js';

const full = (markdown: string) => gfmProcessor.parse(markdown);
const links = (markdown: string, parse: (m: string) => unknown) => JSON.stringify(parse(markdown)).match(/"type":"link"/g)?.length ?? 0;

describe('parseGfm', () => {
  it('gives the tree of full GFM for the report and every Markdown fixture', () => {
    const fixtures = readdirSync(`${ROOT}/tests/fixtures`).filter((f) => f.endsWith('.md'));
    expect(fixtures.length).toBeGreaterThan(3);
    for (const text of [readFileSync(REPORT_MD, 'utf8'), ...fixtures.map((f) => readFileSync(fixture(f), 'utf8'))]) {
      // section by section too, as the Markdown front end parses it: most sections have no "@"
      for (const part of [text, ...text.split(/\n(?=#)/)]) expect(parseGfm(part)).toEqual(full(part));
    }
  });

  it('gives the tree of full GFM for literal links of every kind, with and without "@"', () => {
    const cases = [
      'See www.example.org and https://example.org/a_b_c, or (http://example.org).',
      'Write to contact@example.org or to [the office](mailto:office@example.org).',
      '_www.example.org_ and *https://example.org*; www.a_b_c.org; `user@example.org` in code.',
      '[https://example.org](https://example.org) and <https://example.org> and <a@b.co>.',
      '| a | b |\n| - | - |\n| www.example.org | x@y.org |\n\n~~struck~~ and - [ ] a task',
    ];
    for (const text of cases) expect(parseGfm(text)).toEqual(full(text));
  });

  it('finds a literal URL without "@" in the text, and an email only with it', () => {
    expect(links('A page: https://example.org/x.', parseGfm)).toBe(1);
    expect(links('A page: www.example.org.', parseGfm)).toBe(1);
    expect(links('Write to contact@example.org.', parseGfm)).toBe(1);
  });

  it('really drops the email literal where it may (else the speed-up is lost with a library update)', () => {
    const emailConstructs = (processor: typeof gfmProcessor) =>
      JSON.stringify((processor.data() as { micromarkExtensions: unknown[] }).micromarkExtensions, (_key, value) =>
        typeof value === 'function' ? undefined : value,
      ).match(/"name":"emailAutolink"/g)?.length ?? 0;
    expect(emailConstructs(gfmProcessor)).toBeGreaterThan(0);
    expect(emailConstructs(gfmProcessorWithoutEmailLiteral)).toBe(0);
    expect(links('A page: https://example.org/x.', (m) => gfmProcessorWithoutEmailLiteral.parse(m))).toBe(1);
  });
});
