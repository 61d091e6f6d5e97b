/**
 * Test-side renderer: a document model -> a PDF laid out like a printed report,
 * in a chosen page size, font, body size and margins, with an optional running
 * header and "Page N of M" footers, footnote markers as superscripts and the
 * footnotes at the foot of the page that cites them. It lets the tests check
 * that the PDF front end depends on none of these (pdfkit: standard fonts, no
 * files to ship, deterministic with fixed dates).
 */
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
}

const FACES = {
  Times: { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic' },
  Helvetica: { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' },
  Courier: { regular: 'Courier', bold: 'Courier-Bold', italic: 'Courier-Oblique' },
} as const;

interface Segment {
  text: string;
  sup: boolean;
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

class Layouter {
  readonly pages: { body: Op[]; foot: Op[][] }[] = [];
  private y = 0;
  private readonly faces;
  private readonly width: number;
  private readonly top: number;
  private readonly bottom: number;
  private readonly placed = new Set<number>();

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

  private newPage(): void {
    this.pages.push({ body: [], foot: [] });
    this.y = this.top;
  }

  private measure(text: string, font: string, size: number): number {
    return this.pdf.font(font).fontSize(size).widthOfString(text);
  }

  private wordWidth(w: Word, font: string, size: number): number {
    const sup = this.style.superscript?.size ?? 0.65;
    return w.reduce((sum, s) => sum + this.measure(s.text, s.sup ? this.faces.regular : font, s.sup ? sup * size : size), 0);
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
        const [f, sz, b] = s.sup ? [this.faces.regular, sup.size * size, baseline - sup.rise * size] : [font, size, baseline];
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
    const lines = this.wrap([[{ text: String(n), sup: !this.style.plainFootnoteNumbers }], ...words(f)], this.faces.regular, size, this.width);
    return lines.map((l) => this.ops(l, this.style.margin, 0, this.faces.regular, size));
  }

  private footHeight(foot: Op[][]): number {
    return foot.length ? foot.length * 1.25 * 0.8 * this.style.body + this.style.body : 0;
  }

  private previous: Block | undefined;

  /** Lay out one block; footnotes cited on a line go to the foot of that line's page. */
  block(b: Block, marker?: number): void {
    const tight = this.style.tightLists && b.kind === 'list_item' && this.previous?.kind === 'list_item';
    this.previous = b;
    const { body } = this.style;
    const heading = b.kind === 'heading';
    const size = heading ? (b.level === 1 ? 1.8 * body : 1.25 * body) : body; // footnotes in the text: in its size, as a browser prints them
    const font = heading ? this.faces.bold : b.kind === 'caption' ? this.faces.italic : this.faces.regular;
    const indent = b.kind === 'list_item' ? 1.5 * body : 0;
    const leading = 1.3 * size;
    this.y += heading ? 1.2 * body : tight ? 0 : 0.7 * body;
    const ws = words(b);
    if (marker !== undefined) ws[0] = [{ text: String(marker), sup: true }]; // "12 text" -> superscript 12, then the text
    const lines = this.wrap(ws, font, size, this.width - indent);
    lines.forEach((line, index) => {
      const justified = this.style.justify && !heading && index < lines.length - 1 ? this.width - indent : undefined;
      const cited = this.style.inlineFootnotes ? [] : line.flatMap((w) => w.filter((s) => s.sup).flatMap((s) => s.text.split(', ').map(Number))).filter((n) => this.footnotes.has(n) && !this.placed.has(n));
      const page = this.pages.at(-1)!;
      const foot = [...page.foot, ...cited.flatMap((n) => this.footLines(n))];
      if (this.y + leading > this.bottom - this.footHeight(foot) && page.body.length) {
        this.newPage();
        this.y += 0;
      }
      const current = this.pages.at(-1)!;
      this.y += leading;
      current.body.push(...this.ops(line, this.style.margin + indent, this.y, font, size, justified));
      for (const n of cited) {
        current.foot.push(...this.footLines(n));
        this.placed.add(n);
      }
    });
  }

  /** A footnote nobody cites before it: at the foot of the current page. */
  uncited(n: number): void {
    if (this.placed.has(n)) return;
    this.pages.at(-1)!.foot.push(...this.footLines(n));
    this.placed.add(n);
  }

  footTop(page: { foot: Op[][] }): number {
    return this.bottom - this.footHeight(page.foot) + this.style.body;
  }
}

export function renderPdf(model: DocumentModel, style: RenderStyle): Promise<Buffer> {
  const pdf = new PDFDocument({ size: style.size, autoFirstPage: true, margin: style.margin, info: { CreationDate: new Date(0), ModDate: new Date(0), Title: 'rendering' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));

  const footnotes = new Map(model.blocks.flatMap((b) => (b.kind === 'footnote' ? [[b.number, b] as const] : [])));
  const cited = new Set(model.blocks.flatMap((b) => (b.kind === 'footnote' ? [] : b.refs.map((r) => r.n))));
  const layout = new Layouter(pdf, style, footnotes);
  for (const b of model.blocks) {
    if (b.kind === 'footnote' && style.inlineFootnotes) layout.block({ ...b, text: `${b.number} ${b.text}`, refs: [] }, b.number);
    else if (b.kind !== 'footnote') layout.block(b);
    else if (!cited.has(b.number)) layout.uncited(b.number);
  }

  const faces = FACES[style.font];
  const { width, height } = pdf.page;
  layout.pages.forEach((page, i) => {
    if (i > 0) pdf.addPage();
    const draw = (op: Op) => pdf.font(op.font).fontSize(op.size).text(op.text, op.x, op.baseline, { lineBreak: false, baseline: 'alphabetic' });
    if (style.header) draw({ x: style.margin, baseline: style.margin, text: style.header, font: faces.italic, size: 0.8 * style.body });
    const number = style.footer === 'page-of' ? `Page ${i + 1} of ${layout.pages.length}` : String(i + 1);
    const size = 0.8 * style.body;
    draw({ x: (width - pdf.font(faces.regular).fontSize(size).widthOfString(number)) / 2, baseline: height - style.margin, text: number, font: faces.regular, size });
    page.body.forEach(draw);
    let y = layout.footTop(page);
    if (page.foot.length) pdf.moveTo(style.margin, y - style.body).lineTo(style.margin + 100, y - style.body).stroke();
    for (const line of page.foot) {
      y += 1.25 * 0.8 * style.body;
      for (const op of line) draw({ ...op, baseline: y + op.baseline });
    }
  });
  pdf.end();
  return done;
}
