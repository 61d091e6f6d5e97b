/**
 * The article's elements -> the document model's blocks: headings (h1-h6, or
 * a paragraph in bold only, as the Markdown front end reads it), list entries,
 * figure captions, footnotes (see notes.ts) and paragraphs. Each block keeps
 * the lines of its element in the file.
 */
import type { Element, ElementContent } from 'hast';
import type { Block } from '../../model/document.js';
import { isFurniture } from './furniture.js';
import { InlineText } from './inline.js';
import { endnoteNumbers, leadingMarker, type NoteIndex } from './notes.js';
import { attr, BLOCK_TAGS, isBlank, isElement, lineSpan, NO_TEXT, type Parent } from './tree.js';

const HEADING = /^h([1-6])$/;
const BOLD = new Set(['strong', 'b']);

/** Only bold text (footnote references aside): a heading when it is not a sentence. */
export function isBoldOnly(children: ElementContent[]): boolean {
  const meaningful = children.filter((c) => !isBlank(c) && !isElement(c, 'sup', 'br'));
  const bold = (c: ElementContent) => isElement(c) && (BOLD.has(c.tagName) || (c.tagName === 'span' && isBoldOnly(c.children)));
  return meaningful.length > 0 && meaningful.every(bold);
}

/** A font size an editor wrote on the element (Word, Google Docs), in points: the title is set larger than the text. */
function pointSize(e: Element): number | null {
  const m = /font-size\s*:\s*([\d.]+)\s*(pt|px|em|rem)/i.exec(attr(e, 'style'));
  if (!m) return null;
  const factor = { pt: 1, px: 0.75, em: 12, rem: 12 }[m[2]!.toLowerCase() as 'pt']!;
  return Number(m[1]) * factor;
}

export class BlockReader {
  readonly blocks: Block[] = [];
  private titleSeen = false;

  constructor(private readonly notes: NoteIndex) {}

  private inline(children: ElementContent[], skip?: ElementContent) {
    return new InlineText(this.notes, new Set(skip ? [skip] : [])).walk(children);
  }

  read(nodes: ElementContent[]): this {
    let run: ElementContent[] = []; // text and inline elements between blocks: an unmarked paragraph
    const flush = () => {
      if (run.some((c) => !isBlank(c))) this.paragraph(run, run.find((c) => c.position) ?? run[0]!);
      run = [];
    };
    for (const node of nodes) {
      if (isElement(node) && (BLOCK_TAGS.has(node.tagName) || NO_TEXT.has(node.tagName))) {
        flush();
        if (!isFurniture(node, this.notes, true)) this.element(node);
      } else if (!(isElement(node) && isFurniture(node, this.notes, true))) run.push(node);
    }
    flush();
    return this;
  }

  private element(e: Element): void {
    const depth = HEADING.exec(e.tagName)?.[1];
    if (depth) this.heading(e, Number(depth));
    else if (e.tagName === 'p' || e.tagName === 'figcaption' || e.tagName === 'dt' || e.tagName === 'dd') this.paragraph(e.children, e);
    else if (e.tagName === 'ul' || e.tagName === 'ol') this.list(e);
    else this.read(e.children);
  }

  private heading(e: Element, level: number): void {
    const { text, refs } = this.inline(e.children).result();
    if (level === 1) this.titleSeen = true;
    if (text) this.blocks.push({ kind: 'heading', level, text, refs, ...lineSpan(e) });
  }

  private paragraph(children: ElementContent[], at: ElementContent | Element): void {
    const span = lineSpan(at);
    const marker = leadingMarker(children);
    if (marker) {
      const inline = this.inline(children, marker.node);
      const { text, refs } = inline.result();
      this.blocks.push({ kind: 'footnote', number: marker.n, text, refs, links: inline.links, ...span });
      return;
    }
    const { text, refs } = this.inline(children).result();
    if (!text) return;
    if (isElement(at as ElementContent, 'figcaption')) this.blocks.push({ kind: 'caption', text, refs: [], ...span });
    else if (isBoldOnly(children) && !/[.!?]$/.test(text)) this.boldHeading(at, text, refs, span);
    else this.blocks.push({ kind: 'paragraph', text, refs, ...span });
  }

  /** The first bold paragraph set larger than any text (a title an editor styled) is the title; others are headings to settle. */
  private boldHeading(at: ElementContent | Element, text: string, refs: Block['refs'], span: ReturnType<typeof lineSpan>): void {
    const size = isElement(at as ElementContent) ? pointSize(at as Element) : null;
    const level = !this.titleSeen && size !== null && size >= 16 ? 1 : 0;
    if (level === 1) this.titleSeen = true;
    this.blocks.push({ kind: 'heading', level, text, refs, ...span });
  }

  private list(list: Element): void {
    const numbers = list.tagName === 'ol' ? endnoteNumbers(list, this.notes) : null;
    const items = list.children.filter((c): c is Element => isElement(c, 'li') && !isFurniture(c, this.notes, true));
    const start = Number(attr(list, 'start')) || 1;
    items.forEach((li, i) => {
      const inline = li.children.filter((c) => !(isElement(c) && BLOCK_TAGS.has(c.tagName) && c.tagName !== 'p'));
      if (numbers) {
        const text = this.inline(inline);
        const { text: t, refs } = text.result();
        if (t) this.blocks.push({ kind: 'footnote', number: numbers[i]!, text: t, refs, links: text.links, ...lineSpan(li) });
        return;
      }
      // an ordered list's numbers are not in its text: the entry gets the number it shows, as the Markdown keeps it
      const text = new InlineText(this.notes).add(list.tagName === 'ol' ? `${Number(attr(li, 'value')) || start + i}. ` : '');
      for (const c of inline) text.walk(isElement(c, 'p') ? [...c.children, { type: 'text', value: ' ' }] : [c]);
      const { text: t, refs } = text.result();
      if (t) this.blocks.push({ kind: 'list_item', text: t, refs, ...lineSpan(li) });
      for (const nested of li.children) if (isElement(nested, 'ul', 'ol')) this.list(nested);
    });
  }
}

export function readBlocks(article: Parent, notes: NoteIndex): Block[] {
  const nodes = article.type === 'root' ? (article.children.filter((c) => c.type !== 'doctype') as ElementContent[]) : [article];
  return new BlockReader(notes).read(nodes).blocks;
}
