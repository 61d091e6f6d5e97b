/** The PDF front end's steps on hand-made positioned text: no PDF, no fonts, just geometry. */
import { describe, expect, it } from 'vitest';
import { lineOnPage } from '../pipeline/extract/provenance.js';
import { groupBlocks, joinLines, vocabularyOf } from '../pipeline/parse/pdf/blocks.js';
import { adoptColumnEdges, readingOrder } from '../pipeline/parse/pdf/columns.js';
import { removeFurniture } from '../pipeline/parse/pdf/furniture.js';
import { type Layout, measureLayout } from '../pipeline/parse/pdf/layout.js';
import { type Line, markPlainFootnoteNumbers, pageLines } from '../pipeline/parse/pdf/lines.js';
import type { TextItem } from '../pipeline/parse/pdf/load.js';

/** Items laid out left to right from x, each `size` wide per character (a monospace font). */
function run(parts: Array<[string, number, number?]>, y: number, x = 50): TextItem[] {
  return parts.map(([str, size, rise = 0]) => {
    const item = { str, x, y: y + rise, size, width: 0.5 * size * str.length };
    x += item.width;
    return item;
  });
}

const line = (text: string, over: Partial<Line> = {}): Line => ({
  page: 1,
  frame: String(over.page ?? 1),
  y: 700,
  x: 50,
  right: 50 + 5 * text.length,
  size: 10,
  text,
  refs: [],
  marker: null,
  ...over,
});
const layout: Layout = { bodySize: 10, pitch: 1.2, left: 50, right: 500, justified: false };

describe('lines', () => {
  it('reads a raised, smaller number glued to a word or a full stop as a footnote reference, and an ordinal suffix as text', () => {
    const [l] = pageLines({
      number: 1,
      width: 600,
      height: 800,
      items: run(
        [
          ['was passed.', 10],
          ['148', 6, 4],
          [' It ranks 142', 10],
          ['nd', 6, 4],
          [' of 179.', 10],
          ['9, 10', 6, 4],
        ],
        700,
      ),
    });
    expect(l!.text).toBe('was passed. It ranks 142nd of 179.');
    expect(l!.refs).toEqual([
      { n: 148, at: 11 },
      { n: 9, at: 34 },
      { n: 10, at: 34 },
    ]);
    expect(l!.marker).toBeNull();
  });

  it("reads a raised number opening a line as a footnote definition's marker", () => {
    const [l] = pageLines({
      number: 1,
      width: 600,
      height: 800,
      items: run(
        [
          ['12', 6, 4],
          [' https://example.org/a', 10],
        ],
        100,
      ),
    });
    expect(l).toMatchObject({ marker: 12, text: 'https://example.org/a', refs: [] });
  });

  it('puts items on one line by their baselines, top to bottom, whatever order the file has them in', () => {
    const lines = pageLines({
      number: 1,
      width: 600,
      height: 800,
      items: [...run([['second line', 10]], 688), ...run([['first line', 10]], 700)],
    });
    expect(lines.map((l) => l.text)).toEqual(['first line', 'second line']);
  });
});

describe('footnotes numbered in plain figures', () => {
  it("are small lines opening with a number below the page's last line of body text; a number in the text is not one", () => {
    const lines = [
      line('12 people were detained.', { y: 700 }),
      line('the last line of text', { y: 400 }),
      line('12 https://example.org/a', { y: 100, size: 8 }),
      line('13', { y: 90, size: 8 }),
      line('https://example.org/a-long-one', { y: 80, size: 8 }),
    ];
    expect(markPlainFootnoteNumbers(lines, 10).map((l) => [l.marker, l.text])).toEqual([
      [null, '12 people were detained.'],
      [null, 'the last line of text'],
      [12, 'https://example.org/a'],
      [13, ''],
      [null, 'https://example.org/a-long-one'],
    ]);
  });
});

describe('furniture', () => {
  const page = (n: number, body: string[]) => [
    line('A running header', { page: n, y: 800 }),
    ...body.map((t, i) => line(t, { page: n, y: 700 - 12 * i })),
    line(`Page ${n} of 3`, { page: n, y: 30 }),
  ];

  it('removes lines repeated at the same height on most pages (digits ignored), and keeps the body', () => {
    const pages = [page(1, ['One.', 'Two.']), page(2, ['Three.']), page(3, ['Four.', 'A running header'])];
    expect(removeFurniture(pages).map((p) => p.map((l) => l.text))).toEqual([['One.', 'Two.'], ['Three.'], ['Four.', 'A running header']]);
  });

  it("on a single page, where nothing can repeat, removes only the page's own number", () => {
    expect(removeFurniture([page(1, ['Body.'])])[0]!.map((l) => l.text)).toEqual(['A running header', 'Body.']);
    expect(removeFurniture([[line('Body.'), line('on 5 May', { y: 30 })]])[0]!.map((l) => l.text)).toEqual(['Body.', 'on 5 May']);
  });

  it('keeps two footnotes that end two feet at the same height with the same text (their numbers do not run as pages do)', () => {
    const foot = (n: number, body: string, note: string) => [
      ...page(n, [body]).slice(0, -1),
      line(note, { page: n, y: 42 }),
      page(n, [])[1]!,
    ];
    const pages = [
      foot(1, 'One.', '1 https://example.org/one'),
      foot(2, 'Two.', '5 https://example.org/one'),
      page(3, ['Three.']),
      page(4, ['Four.']),
    ];
    expect(removeFurniture(pages).map((p) => p.map((l) => l.text))).toEqual([
      ['One.', '1 https://example.org/one'],
      ['Two.', '5 https://example.org/one'],
      ['Three.'],
      ['Four.'],
    ]);
  });
});

describe('joining lines', () => {
  const join = (texts: string[], vocabulary = new Set<string>()) =>
    joinLines(
      texts.map((t) => line(t, { right: 495 })),
      vocabulary,
      layout,
    ).text;

  it('keeps a hyphen at a line end that the word has, and undoes one the document never prints', () => {
    expect(join(['his 35-year-', 'old son'])).toBe('his 35-year-old son');
    expect(join(['a full-', 'scale war'])).toBe('a full-scale war');
    expect(join(['the correc-', 'tional colony'], vocabularyOf([line('a correctional colony and more')]))).toBe('the correctional colony');
  });

  it('joins a URL broken inside without a space, and words with one', () => {
    expect(join(['https://example.org/a-very-long-', 'path.html'])).toBe('https://example.org/a-very-long-path.html');
    expect(join(['https://example.org/groups/123/?', 'id=4'])).toBe('https://example.org/groups/123/?id=4');
    expect(join(['the end of a', 'sentence.'])).toBe('the end of a sentence.');
  });

  it('keeps the space of a URL broken at it in justified text, where its two parts would have fitted on one line', () => {
    // pageLines measures where words start and end: monospaced items, 5 pt a character at size 10
    const [a, b] = pageLines({
      number: 1,
      width: 600,
      height: 800,
      items: [...run([['see the annual report at https://example.org/annual', 10]], 700, 245), ...run([['report 2013.pdf', 10]], 688)],
    });
    expect(a!.right).toBe(500); // spread to the edge: no room left at the line's end
    expect(joinLines([a!, b!], new Set(), layout).text).toBe('see the annual report at https://example.org/annual report 2013.pdf');
    // a URL wider than the column is cut where the line ends: its pieces are joined without a space
    const cut = `https://example.org/${'x'.repeat(80)}`;
    const [c, d] = pageLines({
      number: 1,
      width: 600,
      height: 800,
      items: [...run([[`see ${cut.slice(0, 86)}`, 10]], 700, 50), ...run([[`${cut.slice(86)} and more`, 10]], 688)],
    });
    expect(joinLines([c!, d!], new Set(), layout).text).toBe(`see ${cut} and more`);
  });

  it('keeps references on the characters they follow', () => {
    const lines = [line('first line.', { refs: [{ n: 1, at: 11 }] }), line('second', { refs: [{ n: 2, at: 6 }] })];
    expect(joinLines(lines, new Set(), layout)).toEqual({
      text: 'first line. second',
      refs: [
        { n: 1, at: 11 },
        { n: 2, at: 18 },
      ],
    });
  });
});

describe('layout', () => {
  /** Body lines of one frame top to bottom: each paragraph's lines `pitch` apart, paragraphs `gap` apart. */
  const paragraphs = (widths: number[][], pitch: number, gap: number) => {
    let y = 700 + gap;
    return widths.flatMap((p) =>
      p.map((right, k) => {
        y -= k ? pitch : gap;
        return line('words set in a line of text', { y, right });
      }),
    );
  };

  it('takes the line pitch from the lines of a paragraph, even where the gap between paragraphs is more frequent', () => {
    const short = [[300], [420], [250], [380], [500, 310], [350], [500, 260], [410]];
    expect(measureLayout(paragraphs(short, 13, 20)).pitch).toBeCloseTo(1.3);
  });

  it('tells justified text (wrapped lines end on the edge) from ragged', () => {
    const justified = [
      [500, 500, 500, 320],
      [500, 500, 410],
      [500, 500, 500, 280],
    ];
    const ragged = [
      [492, 470, 498, 320],
      [485, 500, 410],
      [478, 495, 466, 280],
    ];
    expect(measureLayout(paragraphs(justified, 12, 18)).justified).toBe(true);
    expect(measureLayout(paragraphs(ragged, 12, 18)).justified).toBe(false);
  });
});

describe('provenance', () => {
  it('turns a line of the whole file into a page and a line on it', () => {
    const starts = [1, 41, 41, 90]; // page 2 has no lines
    expect(lineOnPage(starts, 1)).toEqual({ page: 1, line: 1 });
    expect(lineOnPage(starts, 40)).toEqual({ page: 1, line: 40 });
    expect(lineOnPage(starts, 41)).toEqual({ page: 3, line: 1 });
    expect(lineOnPage(starts, 95)).toEqual({ page: 4, line: 6 });
  });
});

describe('columns', () => {
  /** An item of a monospaced font (0.6 of the size per character) at x on baseline y. */
  const item = (str: string, x: number, y: number, size = 10): TextItem => ({ str, x, y, size, width: 0.6 * size * str.length });

  it('does not take the gaps of justified text in a narrow column, one word on either side, for a gutter', () => {
    // a page holding one narrow justified column: two-word lines are spread to its edge (x = 208)
    const rows = [
      [item('Facebook:', 60, 700), item('Lantern', 166, 700)],
      [item('movement', 60, 688)],
      [item('Copyright:', 60, 676), item('Example', 166, 676)],
      [item('Fictive', 60, 664), item('Foundation,', 142, 664)],
      [item('Lantern', 60, 652)],
    ];
    const frames = readingOrder(rows, 1);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.rows.map((r) => r.map((i) => i.str).join(' '))).toEqual([
      'Facebook: Lantern',
      'movement',
      'Copyright: Example',
      'Fictive Foundation,',
      'Lantern',
    ]);
  });

  it('does not take a gap between justified words, two words on either side, for a gutter: no two rows start on one place right of it', () => {
    const rows = [
      [item('The Lantern', 60, 700), item('human rights', 160, 700), item('movement was', 260, 700)],
      [item('founded on 2', 60, 688), item('March 2020.', 150, 688), item('It documents', 266, 688)],
      [item('arrests.', 60, 676)],
    ];
    expect(readingOrder(rows, 1).map((f) => f.id)).toEqual(['1']);
  });

  /** Lines of a page, one below the other at the line pitch, each 6 units a character wide from x = 30. */
  const page = (texts: string[]) =>
    texts.map((text, i) => line(text, { page: 2, frame: '2', x: 30, right: 30 + 6 * text.length, y: 700 - 12 * i }));
  const wide: Layout = { bodySize: 10, pitch: 1.2, left: 30, right: 563, justified: false };

  it("gives a page of ragged text wrapped well short of the document's column that narrower column's edges", () => {
    const lines = page([
      '1 Given SAMPLOV – charged with',
      'Article 190 of the Code',
      '(“fraud”). Detained on 3',
      'January 2025 in the town.',
    ]);
    const rights = lines.map((l) => l.right).sort((a, b) => b - a);
    expect(rights[0]! - rights[1]!).toBeGreaterThan(wide.bodySize); // further apart than a justified column's lines
    adoptColumnEdges([lines], wide);
    expect(lines.map((l) => l.bounds)).toEqual(lines.map(() => ({ left: 30, right: rights[0] })));
  });

  it('leaves a page of short lines, where the next line would have fitted after one, in the full column', () => {
    const lines = page(['Website: https://example.org', 'X: @example', 'Copyright: an invented fund', 'Facebook: fictive']);
    adoptColumnEdges([lines], wide);
    expect(lines.map((l) => l.bounds)).toEqual(lines.map(() => undefined));
  });
  it("gives a justified page's one wrapped line, spread short of the document's column, that column's edge", () => {
    // the last page of a two-column document after a one-column first page: one entry, its first line spread
    const lines = page(['1 Given SAMPLOV – charged under Article 190 of the', 'Code (“fraud”). Detained in 2025.']);
    lines[0]!.right = 330;
    const justified: Layout = { ...wide, justified: true };
    adoptColumnEdges([lines], wide);
    expect(lines.map((l) => l.bounds)).toEqual([undefined, undefined]); // ragged: one line shows no column
    adoptColumnEdges([lines], justified);
    expect(lines.map((l) => l.bounds)).toEqual(lines.map(() => ({ left: 30, right: 330 })));
    const blocks = groupBlocks(lines, justified);
    expect(blocks).toHaveLength(1);
  });

  it('leaves a justified page whose widest line ends its paragraph (the next line starts further in) in the full column', () => {
    const lines = page(['A short paragraph that ends here.', 'A second one, shorter.']);
    lines[1]!.x = 45;
    adoptColumnEdges([lines], { ...wide, justified: true });
    expect(lines.map((l) => l.bounds)).toEqual([undefined, undefined]);
  });
  /** Justified lines of a column (spread from `left` to `end`), their word gaps at other places on each row. */
  const WORDS: Array<[string, string]> = [
    ['Alpha beta', 'gamma delta'],
    ['Alphabet soup more', 'delta'],
    ['Al', 'gamma delta eps zeta'],
    ['Alpha be', 'gamma delta'],
  ];
  const columnLine = (k: number, y: number, left: number, end: number) => {
    const [a, b] = WORDS[k % WORDS.length]!;
    return [item(a, left, y), item(b, end - 0.6 * 10 * b.length, y)];
  };
  const ys = [700, 688, 676, 664];

  it('takes a band at the pitch of the columns beside it for a gutter, though its column holds a single line', () => {
    const rows = ys.map((y, k) => [...columnLine(k, y, 30, 190), ...columnLine(k + 1, y, 205, 365)]);
    rows[0]!.push(item('https://example.org/six', 380, 700));
    const frames = readingOrder(rows, 1);
    expect(frames.map((f) => f.id)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
    expect(frames[2]!.rows.map((r) => r.map((i) => i.str).join(' '))).toEqual(['https://example.org/six']);
  });

  it('takes a band where other pages set a gutter for one, where its second column holds a single line', () => {
    const rows = ys.map((y, k) => columnLine(k, y, 30, 190));
    rows[0]!.push(item('Last words here.', 205, 700));
    expect(readingOrder(rows, 2).map((f) => f.id)).toEqual(['2']);
    expect(readingOrder(rows, 2, [[192, 203]]).map((f) => f.id)).toEqual(['2.1.1', '2.1.2']);
  });
});
