/**
 * Test-side renderer: a document model -> a PDF laid out like a printed report,
 * in a chosen page size, font, body size and margins, with an optional running
 * header and "Page N of M" footers, footnote markers as superscripts and the
 * footnotes at the foot of the page (or column) that cites them, in the text,
 * or as endnotes; in one column or several (chapter headings across the page,
 * the first page in one column if asked). It lets the tests check
 * that the PDF front end depends on none of these (pdfkit: standard fonts, no
 * files to ship, deterministic with fixed dates).
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Block, DocumentModel } from '../../pipeline/model/document.js';

export interface RenderStyle {
  name: string;
  size: 'A4' | 'LETTER' | 'A5';
  font: 'Times' | 'Helvetica' | 'Courier';
  body: number;
  margin: number;
  /** Running header printed on every page. */
  header?: string;
  footer: 'number' | 'page-of';
  /** Justified text: every line of a paragraph but its last spread to the right margin. */
  justify?: boolean;
  /** Footnotes where the document has them (as a browser prints a converted page), not at the page foot. */
  inlineFootnotes?: boolean;
  /** No space between the entries of a list (as report.pdf has them). */
  tightLists?: boolean;
  /** Footnotes at the foot numbered in plain figures ("12 Text"), not superscripts. */
  plainFootnoteNumbers?: boolean;
  /** Superscripts' size and rise, in units of the text size (default 0.65 and 0.35; browsers ~0.83 and 0.33). */
  superscript?: { size: number; rise: number };
  /** Text in this many columns (default 1), footnotes at the foot of the column that cites them. */
  columns?: number;
  /** The first page in one column (a title page), the rest in `columns`. */
  firstPageSingleColumn?: boolean;
  /** Chapter headings (level 1 and 2) start a page and run across its columns. */
  fullWidthHeadings?: boolean;
  /**
   * Footnotes as a numbered list at the end of the document (or of each chapter), numbered "12." in the text's size
   * or by a superscript, with or without a back-link after each (an arrow, as converters print "↩").
   */
  endnotes?: { at: 'document' | 'chapter'; numbers: 'plain' | 'superscript'; backlinks?: boolean };
  /** A footnote that does not fit at the foot of its page runs on into the next page's foot (as TeX sets them). */
  footnoteRunover?: boolean;
}

/** A font with an arrow for back-links (the standard fonts have none): the one pdfjs-dist ships. */
const ARROW_FONT = createRequire(import.meta.url).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
const BACKLINK = '\u2191';

const FACES = {
  Times: { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic' },
  Helvetica: { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' },
  Courier: { regular: 'Courier', bold: 'Courier-Bold', italic: 'Courier-Oblique' },
} as const;

interface Segment {
  text: string;
  sup: boolean;
  /** A font of its own (the back-link arrow). */
  font?: string;
}
type Word = Segment[];

/** Something to draw: a run of text with its baseline. */
interface Op {
  x: number;
  baseline: number;
  text: string;
  font: string;
  size: number;
}

/** A block's text as words, each footnote reference a superscript glued to the character it follows. */
function words(b: Block): Word[] {
  const refsAt = new Map<number, number[]>();
  for (const r of b.refs) refsAt.set(r.at, [...(refsAt.get(r.at) ?? []), r.n]);
  const out: Word[] = [];
  let word: Word = [];
  const text = b.text;
  for (let i = 0; i <= text.length; i++) {
    const refs = refsAt.get(i);
    if (refs) word.push({ text: refs.join(', '), sup: true });
    if (i === text.length) break;
    const ch = text[i]!;
    if (ch === ' ') {
      if (word.length) out.push(word);
      word = [];
    } else if (word.at(-1) && !word.at(-1)!.sup) word.at(-1)!.text += ch;
    else word.push({ text: ch, sup: false });
  }
  if (word.length) out.push(word);
  return out;
}

const headingSize = (b: Block, body: number) => (b.kind === 'heading' && b.level === 1 ? 1.8 * body : 1.25 * body);

/** Where text is set: a column of a page (the whole text width in one column), with the footnotes at its foot. */
interface Frame {
  x: number;
  width: number;
  foot: Op[][];
  /** A line of text has been set in it. */
  filled: boolean;
}

interface Page {
  body: Op[];
  frames: Frame[];
}

class Layouter {
  readonly pages: Page[] = [];
  private y = 0;
  private readonly faces;
  private readonly width: number;
  private readonly top: number;
  private readonly bottom: number;
  private readonly placed = new Set<number>();
  /** Lines of a footnote that did not fit at the foot of the previous frame (footnoteRunover). */
  private carry: Op[][] = [];
  /** Where the current page's columns start (below a heading across the page). */
  private columnsTop = 0;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly style: RenderStyle,
    private readonly footnotes: Map<number, Block>,
  ) {
    this.faces = FACES[style.font];
    const { width, height } = pdf.page;
    this.width = width - 2 * style.margin;
    this.top = style.margin + (style.header ? 2 * style.body : 0);
    this.bottom = height - style.margin - 2 * style.body; // room for the page number
    this.newPage();
  }

  private get page(): Page {
    return this.pages.at(-1)!;
  }

  private get frame(): Frame {
    return this.page.frames.at(-1)!;
  }

  private columnCount(): number {
    return this.style.firstPageSingleColumn && this.pages.length === 1 ? 1 : (this.style.columns ?? 1);
  }

  private columnWidth(): number {
    const n = this.columnCount();
    return (this.width - (n - 1) * 1.5 * this.style.body) / n;
  }

  private openFrame(column: number): void {
    const width = this.columnWidth();
    this.page.frames.push({ x: this.style.margin + column * (width + 1.5 * this.style.body), width, foot: this.carry, filled: false });
    this.carry = [];
    this.y = this.columnsTop;
  }

  private newPage(): void {
    this.pages.push({ body: [], frames: [] });
    this.columnsTop = this.top;
    this.openFrame(0);
  }

  /** The next column of the page, or a new page. */
  private nextFrame(): void {
    if (this.page.frames.length < this.columnCount()) this.openFrame(this.page.frames.length);
    else this.newPage();
  }

  private measure(text: string, font: string, size: number): number {
    return this.pdf.font(font).fontSize(size).widthOfString(text);
  }

  private segmentWidth(s: Segment, font: string, size: number): number {
    const sup = this.style.superscript?.size ?? 0.65;
    return this.measure(s.text, s.font ?? (s.sup ? this.faces.regular : font), s.sup ? sup * size : size);
  }

  private wordWidth(w: Word, font: string, size: number): number {
    return w.reduce((sum, s) => sum + this.segmentWidth(s, font, size), 0);
  }

  /** Greedy line breaking; a word wider than the line (a URL) is cut where it must be. */
  private wrap(ws: Word[], font: string, size: number, width: number): Word[][] {
    const space = this.measure(' ', font, size);
    const lines: Word[][] = [[]];
    let used = 0;
    for (let w of ws) {
      while (this.wordWidth(w, font, size) > width) {
        const seg = w[0]!;
        let cut = seg.text.length;
        while (cut > 1 && this.measure(seg.text.slice(0, cut), font, size) > width - (lines.at(-1)!.length ? used + space : 0)) cut--;
        if (lines.at(-1)!.length && cut < 8) {
          lines.push([]);
          used = 0;
          continue;
        }
        lines.at(-1)!.push([{ text: seg.text.slice(0, cut), sup: false }]);
        lines.push([]);
        used = 0;
        w = [{ ...seg, text: seg.text.slice(cut) }, ...w.slice(1)];
      }
      const ww = this.wordWidth(w, font, size);
      if (lines.at(-1)!.length && used + space + ww > width) {
        lines.push([]);
        used = 0;
      }
      used += (lines.at(-1)!.length ? space : 0) + ww;
      lines.at(-1)!.push(w);
    }
    return lines.filter((l) => l.length);
  }

  /** A line's runs of text from x = 0 (its frame places it). */
  private ops(line: Word[], x: number, baseline: number, font: string, size: number, width?: number): Op[] {
    const out: Op[] = [];
    let space = this.measure(' ', font, size);
    if (width !== undefined && line.length > 1) {
      const used = line.reduce((sum, w) => sum + this.wordWidth(w, font, size), 0);
      space = (width - used) / (line.length - 1);
    }
    for (const w of line) {
      for (const s of w) {
        const sup = this.style.superscript ?? { size: 0.65, rise: 0.35 };
        const [f, sz, b] = s.sup ? [this.faces.regular, sup.size * size, baseline - sup.rise * size] : [s.font ?? font, size, baseline];
        out.push({ x, baseline: b, text: s.text, font: f, size: sz });
        x += this.measure(s.text, f, sz);
      }
      x += space;
    }
    return out;
  }

  private footLines(n: number): Op[][] {
    const f = this.footnotes.get(n)!;
    const size = 0.8 * this.style.body;
    const lines = this.wrap(
      [[{ text: String(n), sup: !this.style.plainFootnoteNumbers }], ...words(f)],
      this.faces.regular,
      size,
      this.frame.width,
    );
    return lines.map((l) => this.ops(l, 0, 0, this.faces.regular, size));
  }

  private footHeight(foot: Op[][]): number {
    return foot.length ? foot.length * 1.25 * 0.8 * this.style.body + this.style.body : 0;
  }

  private previous: Block | undefined;

  /** Lay out one block; footnotes cited on a line go to the foot of that line's frame. */
  block(b: Block, marker?: number): void {
    const tight = this.style.tightLists && b.kind === 'list_item' && this.previous?.kind === 'list_item';
    this.previous = b;
    const { body } = this.style;
    const heading = b.kind === 'heading';
    const across = this.isAcross(b);
    if (across) this.headingAcross();
    const size = heading ? headingSize(b, body) : body; // footnotes in the text: in its size, as a browser prints them
    const font = heading ? this.faces.bold : b.kind === 'caption' ? this.faces.italic : this.faces.regular;
    const indent = b.kind === 'list_item' ? 1.5 * body : 0;
    const leading = 1.3 * size;
    this.y += heading ? 1.2 * body : tight ? 0 : 0.7 * body;
    const ws = [...words(b), ...this.extra];
    if (marker !== undefined) ws[0] = [{ text: String(marker), sup: true }]; // "12 text" -> superscript 12, then the text
    let width = across ? this.width : this.frame.width;
    let lines = this.wrap(ws, font, size, width - indent);
    for (let index = 0; index < lines.length; index++) {
      const cited = this.style.inlineFootnotes || this.style.endnotes ? [] : this.citedOn(lines[index]!);
      this.placeLine(leading, cited);
      if (!across && this.frame.width !== width) {
        // moved on to a frame of another width (one-column first page, then columns): wrap the rest anew
        width = this.frame.width;
        lines = [...lines.slice(0, index), ...this.wrap(lines.slice(index).flat(), font, size, width - indent)];
      }
      const justified = this.style.justify && !heading && index < lines.length - 1 ? width - indent : undefined;
      this.page.body.push(...this.ops(lines[index]!, this.frame.x + indent, this.y, font, size, justified));
    }
    if (across) this.columnsTop = this.y;
  }

  /**
   * A heading is kept with what follows it (as word processors' heading styles and TeX keep it): the run of
   * headings and the first line of the next block go on to the next frame together where they do not fit.
   */
  keepWithNext(run: Block[], next: Block | undefined): void {
    const { body } = this.style;
    if (!this.frame.filled || run.some((h) => this.isAcross(h))) return;
    let height = next ? 0.7 * body + 1.3 * body : 0;
    for (const h of run) {
      const size = headingSize(h, body);
      height += 1.2 * body + this.wrap(words(h), this.faces.bold, size, this.frame.width).length * 1.3 * size;
    }
    if (this.y + height > this.bottom - this.footHeight(this.frame.foot)) this.nextFrame();
  }

  private isAcross(b: Block): boolean {
    return b.kind === 'heading' && !!this.style.fullWidthHeadings && b.level <= 2 && this.columnCount() > 1;
  }

  /** A chapter heading across the columns: on a page of its own that the columns start below. */
  private headingAcross(): void {
    if (this.page.body.length) this.newPage();
  }

  private citedOn(line: Word[]): number[] {
    const numbers = line.flatMap((w) => w.filter((s) => s.sup).flatMap((s) => s.text.split(', ').map(Number)));
    return numbers.filter((n) => this.footnotes.has(n) && !this.placed.has(n));
  }

  /** Move down by a line, to the next frame if the line (with the footnotes it cites) does not fit. */
  private placeLine(leading: number, cited: number[]): void {
    const notes = cited.flatMap((n) => this.footLines(n));
    const fits = (foot: Op[][]) => this.y + leading <= this.bottom - this.footHeight(foot);
    let kept = notes;
    if (!fits([...this.frame.foot, ...notes])) {
      // run on: as many of the notes' lines as fit stay, the rest go to the next frame's foot
      let room = notes.length - 1;
      while (this.style.footnoteRunover && room > 0 && !fits([...this.frame.foot, ...notes.slice(0, room)])) room--;
      if (this.style.footnoteRunover && room > 0) {
        kept = notes.slice(0, room);
        this.carry.push(...notes.slice(room));
      } else if (this.frame.filled) this.nextFrame();
    }
    this.y += leading;
    this.frame.filled = true;
    this.frame.foot.push(...kept);
    for (const n of cited) this.placed.add(n);
  }

  /** Lines of a footnote still to set after the last block: at the foot of a frame of their own. */
  finish(): void {
    if (this.carry.length) this.nextFrame();
  }

  /** A footnote nobody cites before it: at the foot of the current frame. */
  uncited(n: number): void {
    if (this.placed.has(n)) return;
    this.frame.foot.push(...this.footLines(n));
    this.placed.add(n);
  }

  /** Footnotes cited since the last list, as a numbered list (endnotes) after a rule. */
  endnoteList(numbers: number[]): void {
    const notes = this.style.endnotes!;
    const pending = numbers.filter((n) => this.footnotes.has(n) && !this.placed.has(n));
    if (!pending.length) return;
    this.y += this.style.body;
    this.previous = undefined;
    for (const n of pending) {
      const f = this.footnotes.get(n)!;
      const back: Word[] = notes.backlinks ? [[{ text: BACKLINK, sup: false, font: 'Arrow' }]] : [];
      const text = notes.numbers === 'plain' ? `${n}. ${f.text}` : `${n} ${f.text}`;
      const shift = text.length - f.text.length;
      const note: Block = { kind: 'paragraph', text, refs: f.refs.map((r) => ({ n: r.n, at: r.at + shift })), line_start: 1, line_end: 1 };
      this.blockWith(note, notes.numbers === 'superscript' ? n : undefined, back);
      this.placed.add(n);
    }
  }

  /** A block with extra words after its text (a back-link). */
  private blockWith(b: Block, marker: number | undefined, extra: Word[]): void {
    if (!extra.length) {
      this.block(b, marker);
      return;
    }
    this.extra = extra;
    this.block(b, marker);
    this.extra = [];
  }

  private extra: Word[] = [];

  footTop(frame: Frame): number {
    return this.bottom - this.footHeight(frame.foot) + this.style.body;
  }
}

export function renderPdf(model: DocumentModel, style: RenderStyle): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: style.size,
    autoFirstPage: true,
    margin: style.margin,
    info: { CreationDate: new Date(0), ModDate: new Date(0), Title: 'rendering' },
  });
  pdf.registerFont('Arrow', ARROW_FONT);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));

  const footnotes = new Map(model.blocks.flatMap((b) => (b.kind === 'footnote' ? [[b.number, b] as const] : [])));
  const cited = new Set(model.blocks.flatMap((b) => (b.kind === 'footnote' ? [] : b.refs.map((r) => r.n))));
  const layout = new Layouter(pdf, style, footnotes);
  let citedSince: number[] = [];
  const chapterEnds = (b: Block) => style.endnotes?.at === 'chapter' && b.kind === 'heading' && b.level <= 2;
  const body = model.blocks.filter((b) => b.kind !== 'footnote' || style.inlineFootnotes);
  for (const b of model.blocks) {
    if (chapterEnds(b)) {
      layout.endnoteList(citedSince);
      citedSince = [];
    }
    if (b.kind === 'heading') {
      const at = body.indexOf(b);
      const end = body.findIndex((n, k) => k > at && n.kind !== 'heading');
      if (at === 0 || body[at - 1]!.kind !== 'heading') layout.keepWithNext(body.slice(at, end < 0 ? undefined : end), body[end]);
    }
    if (b.kind === 'footnote' && style.inlineFootnotes) layout.block({ ...b, text: `${b.number} ${b.text}`, refs: [] }, b.number);
    else if (b.kind !== 'footnote') layout.block(b);
    else if (!cited.has(b.number) && !style.endnotes) layout.uncited(b.number);
    if (b.kind !== 'footnote') citedSince.push(...b.refs.map((r) => r.n));
  }
  if (style.endnotes) layout.endnoteList([...footnotes.keys()].sort((a, b) => a - b)); // the last chapter's, and any never cited
  layout.finish();

  const faces = FACES[style.font];
  const { width, height } = pdf.page;
  layout.pages.forEach((page, i) => {
    if (i > 0) pdf.addPage();
    const draw = (op: Op) =>
      pdf.font(op.font).fontSize(op.size).text(op.text, op.x, op.baseline, { lineBreak: false, baseline: 'alphabetic' });
    if (style.header) draw({ x: style.margin, baseline: style.margin, text: style.header, font: faces.italic, size: 0.8 * style.body });
    const number = style.footer === 'page-of' ? `Page ${i + 1} of ${layout.pages.length}` : String(i + 1);
    const size = 0.8 * style.body;
    draw({
      x: (width - pdf.font(faces.regular).fontSize(size).widthOfString(number)) / 2,
      baseline: height - style.margin,
      text: number,
      font: faces.regular,
      size,
    });
    page.body.forEach(draw);
    for (const frame of page.frames) {
      let y = layout.footTop(frame);
      if (frame.foot.length)
        pdf
          .moveTo(frame.x, y - style.body)
          .lineTo(frame.x + Math.min(100, frame.width / 2), y - style.body)
          .stroke();
      for (const line of frame.foot) {
        y += 1.25 * 0.8 * style.body;
        for (const op of line) draw({ ...op, x: frame.x + op.x, baseline: y + op.baseline });
      }
    }
  });
  pdf.end();
  return done;
}
