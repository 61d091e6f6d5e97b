/**
 * The footnote extractor reads the notes wherever the document keeps them:
 * endnotes (a numbered list at the end of the document or of a chapter, with
 * or without back-links) give the footnotes table and source_urls that
 * footnotes would.
 */
import { describe, expect, it } from 'vitest';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { modelOf } from './helpers.js';

const ENTRIES = [
  '## THE LIST OF POLITICAL PRISONERS',
  '',
  '## CONVICTED',
  '',
  "1 **Anna TESTOVA** – 4 years' imprisonment under Article 256 of the Criminal Code.<sup>1</sup>",
  '',
  "2 **Boris PRIMEROV** – 5 years' imprisonment under Article 174 of the Criminal Code.<sup>2</sup>",
  '',
].join('\n');

const FOOTNOTES = '<sup>1</sup> <https://example.org/a>\n\n<sup>2</sup> Available upon request.\n';

const tables = (markdown: string) => {
  const { dataset } = extractAll(modelOf(markdown), 'notes');
  return {
    footnotes: dataset.footnotes.map(({ number, urls, text, cited_by }) => ({ number, urls, text, cited_by })),
    urls: dataset.prisoners.map((p) => p.source_urls),
  };
};

describe('endnotes', () => {
  const expected = tables(`${ENTRIES}\n${FOOTNOTES}`);

  it.each([
    ['plain figures with back-links', '1. https://example.org/a ↩\n2. Available upon request. ↩︎\n'],
    ['plain figures without back-links, as paragraphs', '1 https://example.org/a\n\n2 Available upon request.\n'],
    ['a note running on into a second paragraph', '1. https://example.org/a\n2. Available upon\n\nrequest.\n'],
  ])('%s: the same footnotes and source_urls as footnotes give', (_name, notes) => {
    expect(expected.footnotes).toHaveLength(2);
    expect(tables(`${ENTRIES}\n${notes}`)).toEqual(expected);
  });

  it('a numbered list whose numbers nobody cites stays text', () => {
    const { dataset } = extractAll(
      modelOf(`${ENTRIES.replace(/<sup>\d<\/sup>/g, '')}\n## ANNEX\n\n1. One point.\n2. Another point.\n`),
      'notes',
    );
    expect(dataset.footnotes).toEqual([]);
  });
});
