/**
 * Markdown front end: remark's tree -> the document model. Everything that
 * knows Markdown lives here; repairs that any front end needs live in repair/.
 */
import type { List, Paragraph as MdParagraph, PhrasingContent, RootContent } from 'mdast';
import { parseGfm } from '../lib/gfm.js';
import type { Block, Ref } from '../model/document.js';

/** Accumulates plain text and footnote references from inline nodes, collapsing whitespace as it goes. */
class InlineText {
  text = '';
  refs: Ref[] = [];
  links: string[] = [];
  private sup: string | null = null;
  private endsWithSpace = false;

  add(s: string): void {
    if (this.sup !== null) {
      this.sup += s;
      return;
    }
    const collapsed = s.replace(/\*{2,}/g, '').replace(/\s+/g, ' ');
    // asking the growing string whether it ends with a space flattens it: quadratic on a long paragraph
    this.text += this.endsWithSpace || !this.text ? collapsed.replace(/^ /, '') : collapsed;
    if (collapsed) this.endsWithSpace = this.text.length > 0 && collapsed.endsWith(' ');
  }

  html(tag: string): void {
    if (/^<sup>$/i.test(tag)) this.sup = '';
    else if (/^<\/sup>$/i.test(tag) && this.sup !== null) {
      const content = this.sup.trim();
      this.sup = null;
      // "9,10,11" and "13, 14" are references; "nd" in 142<sup>nd</sup> is text.
      if (/^\d+(?:\s*,\s*\d+)*$/.test(content)) {
        this.text = this.text.trimEnd();
        this.endsWithSpace = false;
        for (const n of content.split(/\s*,\s*/)) this.refs.push({ n: Number(n), at: this.text.length });
      } else this.add(content);
    } else if (/^<br\s*\/?>$/i.test(tag)) this.add(' ');
    // other inline tags (<b>, </b>) carry no text
  }

  walk(nodes: PhrasingContent[]): this {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.add(node.value);
          break;
        case 'html':
          this.html(node.value.trim());
          break;
        case 'break':
          this.add(' ');
          break;
        case 'link':
          this.links.push(node.url);
          this.walk(node.children);
          break;
        case 'strong':
        case 'emphasis':
        case 'delete':
          this.walk(node.children);
          break;
        default:
          break; // images, footnote syntax the report does not use
      }
    }
    return this;
  }

  result(): { text: string; refs: Ref[] } {
    const text = this.text.trim();
    return { text, refs: this.refs.map((r) => ({ n: r.n, at: Math.min(r.at, text.length) })) };
  }
}

const lines = (node: RootContent) => ({ line_start: node.position!.start.line, line_end: node.position!.end.line });

/** `<sup>12</sup> text` at the start of a paragraph makes it footnote 12's definition. */
function footnoteNumber(p: MdParagraph): number | null {
  const [open, num, close] = p.children;
  if (open?.type !== 'html' || !/^<sup>$/i.test(open.value)) return null;
  if (num?.type !== 'text' || !/^\s*\d+\s*$/.test(num.value)) return null;
  if (close?.type !== 'html' || !/^<\/sup>$/i.test(close.value)) return null;
  return Number(num.value);
}

/** Paragraph made of bold text only: "**Prosecuted for …**", or two merged: "**A****B**". */
function boldOnlyTexts(p: MdParagraph): string[] | null {
  const meaningful = p.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (meaningful.length === 0 || !meaningful.every((c) => c.type === 'strong')) return null;
  // remark reads "**A****B**" as one strong whose text still holds the inner "****"
  return meaningful.flatMap((c) => (c.type === 'strong' ? splitOnMarkers(c.children) : []));
}

function splitOnMarkers(children: PhrasingContent[]): string[] {
  const groups: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'text' && /\*{4}/.test(child.value)) {
      const pieces = child.value.split(/\*{4}/);
      pieces.forEach((piece, i) => {
        if (i > 0) groups.push([]);
        if (piece) groups.at(-1)!.push({ type: 'text', value: piece });
      });
    } else groups.at(-1)!.push(child);
  }
  return groups.map((g) => new InlineText().walk(g).result().text).filter(Boolean);
}

/** Lone short line standing where an image was (two or more blank lines above it). */
function isCaption(p: MdParagraph, text: string, blankLinesBefore: number): boolean {
  return (
    blankLinesBefore >= 2 &&
    p.position!.start.line === p.position!.end.line &&
    text.split(' ').length <= 16 &&
    !/^\d/.test(text) &&
    // contact lines ("Facebook: …; e-mail: …") carry links; captions do not
    !p.children.some((c) => c.type === 'link') &&
    new InlineText().walk(p.children).refs.length === 0
  );
}

function paragraphBlocks(p: MdParagraph, blankLinesBefore: number): Block[] {
  const at = lines(p);
  const number = footnoteNumber(p);
  if (number !== null) {
    const inline = new InlineText().walk(p.children.slice(3));
    const { text, refs } = inline.result();
    return [{ kind: 'footnote', number, text, refs, links: inline.links, ...at }];
  }
  const { text, refs } = new InlineText().walk(p.children).result();
  if (!text) return [];
  if (isCaption(p, text, blankLinesBefore)) return [{ kind: 'caption', text, refs: [], ...at }];
  const bold = boldOnlyTexts(p);
  // A bold-only line that is a sentence (ends with a full stop) is emphasis, not a heading.
  if (bold && !/[.!?]$/.test(text)) return bold.map((t) => ({ kind: 'heading', level: 0, text: t, refs: [], ...at }));
  return [{ kind: 'paragraph', text, refs, ...at }];
}

/** "12." of an ordered list item as printed: remark keeps only where the list starts, and a converter may number every entry so. */
function printedNumber(item: RootContent, sourceLines: string[]): string {
  const { line, column } = item.position!.start;
  return /^\s*(\d{1,9}[.)])/.exec(sourceLines[line - 1]?.slice(column - 1) ?? '')?.[1] ?? '';
}

function listBlocks(list: List, sourceLines: string[]): Block[] {
  return list.children.flatMap((item): Block[] => {
    const inline = new InlineText();
    if (list.ordered) inline.add(`${printedNumber(item as unknown as RootContent, sourceLines)} `);
    for (const child of item.children) {
      if (child.type === 'paragraph' || child.type === 'heading') inline.walk(child.children).add(' ');
    }
    const { text, refs } = inline.result();
    const nested = item.children.filter((c): c is List => c.type === 'list').flatMap((l) => listBlocks(l, sourceLines));
    return text ? [{ kind: 'list_item', text, refs, ...lines(item as unknown as RootContent) }, ...nested] : nested;
  });
}

/** Constructs that reach across a heading or a blank line: with any of them, the document is parsed whole. */
const SPANS_SECTIONS = /^ {0,3}\[[^\]]+\]:\s|<!--|<\?|<!\[CDATA\[|<(?:pre|script|style|textarea)\b/im;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/; // at column 0: never inside a list item
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The document cut before each ATX heading at column 0 after a blank line (outside
 * fenced code). Such a heading closes every open list, paragraph and HTML
 * block, so parsing the sections apart gives the same tree; it keeps remark's
 * cost linear, which grows with the square of a long run of list items.
 */
function sectionsOf(lines: string[]): { start: number; end: number }[] {
  const sections = [{ start: 0, end: lines.length }];
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && !line.trim().slice(marker.length).trim()) fence = null;
      return;
    }
    if (marker) fence = marker;
    else if (i > 0 && ATX_HEADING.test(line) && !lines[i - 1]!.trim()) {
      sections.at(-1)!.end = i;
      sections.push({ start: i, end: lines.length });
    }
  });
  return sections;
}

/** Move a subtree's positions down by `lines` (a section parsed on its own starts at line 1). */
function shiftLines(node: { position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }, lines: number): void {
  if (node.position) {
    node.position.start.line += lines;
    node.position.end.line += lines;
  }
  for (const child of node.children ?? []) shiftLines(child as typeof node, lines);
}

/** remark's top-level nodes of the whole document, with their lines in it. */
function topLevelNodes(source: string, sourceLines: string[]): RootContent[] {
  if (SPANS_SECTIONS.test(source)) return parseGfm(source).children;
  return sectionsOf(sourceLines).flatMap(({ start, end }) => {
    const tree = parseGfm(sourceLines.slice(start, end).join('\n'));
    if (start) for (const node of tree.children) shiftLines(node as never, start);
    return tree.children;
  });
}

export function parseMarkdown(source: string): Block[] {
  const sourceLines = source.split(/\r?\n/);
  const blocks: Block[] = [];
  let previousEnd = 0;
  for (const node of topLevelNodes(source, sourceLines)) {
    const start = node.position!.start.line;
    const blankLinesBefore = sourceLines.slice(previousEnd, start - 1).filter((l) => !l.trim()).length;
    previousEnd = node.position!.end.line;
    switch (node.type) {
      case 'heading': {
        const { text, refs } = new InlineText().walk(node.children).result();
        const parts = splitOnMarkers(node.children.flatMap((c) => (c.type === 'strong' ? c.children : [c])));
        // an empty heading ("## " or a lone footnote marker, as converters leave them) has nothing to name a section by
        for (const t of (parts.length > 1 ? parts : [text]).filter(Boolean)) {
          blocks.push({ kind: 'heading', level: node.depth, text: t, refs: parts.length > 1 ? [] : refs, ...lines(node) });
        }
        break;
      }
      case 'paragraph':
        blocks.push(...paragraphBlocks(node, blankLinesBefore));
        break;
      case 'list':
        blocks.push(...listBlocks(node, sourceLines));
        break;
      case 'blockquote':
        for (const child of node.children) if (child.type === 'paragraph') blocks.push(...paragraphBlocks(child, 0));
        break;
      default:
        break; // thematic breaks, block HTML, code: no report text
    }
  }
  return blocks;
}
