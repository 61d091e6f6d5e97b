import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixture, modelOf } from './helpers.js';

const mini = modelOf(readFileSync(fixture('mini-report.md'), 'utf8'), 'mini-report.md');
const kinds = (md: string) => modelOf(md).blocks.map((b) => [b.kind, b.text]);

describe('Markdown front end and repairs', () => {
  it('joins a paragraph split by footnote blocks and a caption at a page break', () => {
    const joined = mini.blocks.find((b) => b.text.startsWith('The authorities refused'))!;
    expect(joined).toMatchObject({
      kind: 'paragraph',
      text: 'The authorities refused 12 assemblies in the capital and the regions, citing repairs.',
      line_start: 20,
      line_end: 34,
    });
    expect(joined.refs.map((r) => r.n)).toEqual([4, 5, 6]);
    expect(joined.refs[0]!.at).toBe(joined.text.length);
  });

  it('joins a numbered entry split by footnotes, keeping the footnotes as their own blocks', () => {
    const entry = mini.blocks.find((b) => b.text.startsWith('2 Zhan-Bolat'))!;
    expect(entry.text.endsWith('He wrote to the court in vain.')).toBe(true);
    expect(entry.line_end).toBe(58);
    expect(mini.blocks.filter((b) => b.kind === 'footnote').map((b) => (b.kind === 'footnote' ? b.number : 0))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('does not join a paragraph that ended its sentence', () => {
    expect(kinds('First para ends.\n\n<sup>1</sup> <https://x.org>\n\nlower case start.')).toEqual([
      ['paragraph', 'First para ends.'],
      ['footnote', 'https://x.org'],
      ['paragraph', 'lower case start.'],
    ]);
  });

  it('reads <sup>9,10,11</sup> and <sup>13, 14</sup> as references, <sup>th</sup> as text', () => {
    const [p] = modelOf('Ranked 150<sup>th</sup> here.<sup>9,10,11</sup> And there.<sup>13, 14</sup>').blocks;
    expect(p!.text).toBe('Ranked 150th here. And there.');
    expect(p!.refs).toEqual([
      { n: 9, at: 18 },
      { n: 10, at: 18 },
      { n: 11, at: 18 },
      { n: 13, at: 29 },
      { n: 14, at: 29 },
    ]);
  });

  it('turns bold-only paragraphs into headings and splits two merged bold headings', () => {
    expect(kinds('**UNDER ARREST IN DETENTION****Held before the vote**\n\n**Other prisoners**\n\n**A bold sentence.**')).toEqual([
      ['heading', 'UNDER ARREST IN DETENTION'],
      ['heading', 'Held before the vote'],
      ['heading', 'Other prisoners'],
      ['paragraph', 'A bold sentence.'],
    ]);
  });

  it('settles heading levels: capitals are chapters, the rest sections', () => {
    const levels = modelOf('# TITLE\n\n### CHAPTER\n\n## A section\n\n#### **Bold *mixed* section**').blocks.map((b) =>
      b.kind === 'heading' ? [b.level, b.text] : null,
    );
    expect(levels).toEqual([
      [1, 'TITLE'],
      [2, 'CHAPTER'],
      [3, 'A section'],
      [3, 'Bold mixed section'],
    ]);
  });

  it('marks lone lines where an image was as captions, not body text', () => {
    expect(kinds('Body text.\n\n\n\nA photo of the court\n\nMore text.')).toEqual([
      ['paragraph', 'Body text.'],
      ['caption', 'A photo of the court'],
      ['paragraph', 'More text.'],
    ]);
    // a contact line after blank lines carries links and is not a caption
    expect(kinds('Text.\n\n\n\nFacebook: [Page](#); e-mail: [a@b.org](mailto:a@b.org)')[1]).toEqual([
      'paragraph',
      'Facebook: Page; e-mail: a@b.org',
    ]);
  });

  it('reads list entries with and without a leading "- " alike, and strips broken bold markers', () => {
    expect(kinds('- 1 **Ann TEST** – text.\n\n2 **Bob TEST** – text.\n\n- Carl Demo** is a man.')).toEqual([
      ['list_item', '1 Ann TEST – text.'],
      ['paragraph', '2 Bob TEST – text.'],
      ['list_item', 'Carl Demo is a man.'],
    ]);
  });

  it('records footnote definitions with their link targets and source lines', () => {
    const fn = mini.blocks.find((b) => b.kind === 'footnote' && b.number === 2);
    expect(fn).toMatchObject({ text: 'https://example.org/two\\_a', links: ['https://example.org/two_a'], line_start: 24 });
  });
});
