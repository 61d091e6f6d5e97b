/**
 * Blocks of lines -> the document model's blocks: footnotes (opened by a
 * marker), headings, list entries, captions and paragraphs. Headings are read
 * from the text: a title the table of contents lists, text set larger than the
 * body, a line in capitals, the short line that introduces the table of
 * contents or a numbered entry of the list. Nothing here knows this report's
 * fonts, sizes or wording.
 */
import { ENTRY } from '../../lib/entry.js';
import { isAllCapitals } from '../../lib/capitals.js';
import { parseToc, titleKey } from '../../lib/toc.js';
import { type Block, isBody, type Ref } from '../../model/document.js';
import { endsSentence, startsMidSentence } from '../../lib/text.js';
import { hasRunTogetherBold, withoutRunTogetherBold } from '../../repair/bold.js';
import { joinLines, opensWithLoneMarker, type RawBlock } from './blocks.js';
import { restoreClippedUrl } from './clipped.js';
import { type Layout, leftOf } from './layout.js';

interface Read {
  raw: RawBlock;
  text: string;
  refs: Ref[];
  size: number;
}

/** A block short enough to be a heading: a title's length (however many lines a narrow page makes of it), no references, not a sentence. */
const isShort = (b: Read) => b.refs.length === 0 && b.text.length <= 200 && !/[.,;]$/.test(b.text);

function isCaption(b: Read): boolean {
  return (
    b.raw.lines.length === 1 &&
    b.text.split(' ').length <= 16 &&
    b.refs.length === 0 &&
    !/^[\d*]/.test(b.text) &&
    !/[:@]|https?:\/\/|www\./i.test(b.text) &&
    !/[.,;]$/.test(b.text) // a sentence is a paragraph, however short
  );
}

export function classify(raws: RawBlock[], layout: Layout, vocabulary: Set<string>): Block[] {
  const textLines = (raw: RawBlock) => (opensWithLoneMarker(raw) ? raw.lines.slice(1) : raw.lines);
  const read: Read[] = raws.map((raw) => ({
    raw,
    ...joinLines(textLines(raw), vocabulary, layout),
    size: Math.max(...raw.lines.map((l) => l.size)),
  }));
  const body = read.filter((b) => b.raw.footnote === null);
  const tocIndex = body.findIndex((b) => parseToc(b.text).length > 0);
  const tocTitles = new Set(tocIndex >= 0 ? parseToc(body[tocIndex]!.text).map((e) => titleKey(e.title)) : []);
  const larger = (b: Read) => b.size >= 1.1 * layout.bodySize;
  const titleSize = Math.max(...body.map((b) => b.size));
  let titleSeen = false;

  const headings = new Set<Read>();
  body.forEach((b, i) => {
    if (!isShort(b) || ENTRY.test(b.text) || i === tocIndex) return;
    const next = body[i + 1];
    const isTitle = !titleSeen && larger(b) && b.size === titleSize;
    if (isTitle) titleSeen = true;
    if (
      isTitle ||
      tocTitles.has(titleKey(b.text)) ||
      larger(b) ||
      (titleSeen && isAllCapitals(b.text)) ||
      i + 1 === tocIndex ||
      hasRunTogetherBold(b.text) || // two headings a converter ran together: "**A****B**" (repair/bold.ts splits them)
      (titleSeen && next !== undefined && ENTRY.test(next.text) && b.text.length <= 100)
    )
      headings.add(b);
  });

  const blocks = read.flatMap((b): Block[] => {
    const page = b.raw.lines[0]!.page;
    const at = { line_start: b.raw.first, line_end: b.raw.last, page };
    if (b.raw.footnote !== null) {
      const text = restoreClippedUrl(b.text, b.raw.lines);
      return [{ kind: 'footnote', number: b.raw.footnote, text, refs: b.refs, links: text === b.text ? [] : [text], ...at }];
    }
    if (headings.has(b)) {
      const level = b.size === titleSize && larger(b) ? 1 : 0;
      return [{ kind: 'heading', level, text: b.text.trim(), refs: [], ...at }];
    }
    const text = b.text; // kinds are told by the visible text; repair/bold.ts removes run-together bold
    const visible = withoutRunTogetherBold(text);
    const indented = b.raw.lines[0]!.x > leftOf(b.raw.lines[0]!, layout) + 0.5 * layout.bodySize;
    if (ENTRY.test(visible) || (indented && !/^\p{Ll}/u.test(visible))) return [{ kind: 'list_item', text, refs: b.refs, ...at }];
    if (isCaption(b) && b !== body[tocIndex]) return [{ kind: 'caption', text, refs: [], ...at }];
    return [{ kind: 'paragraph', text, refs: b.refs, ...at }];
  });
  return captionsInsideParagraphs(blocks);
}

/**
 * A short line standing between a paragraph that stops mid-sentence and its
 * continuation (lower case, perhaps after footnotes) interrupts it: a caption,
 * even when it is a sentence.
 */
function captionsInsideParagraphs(blocks: Block[]): Block[] {
  return blocks.map((b, i) => {
    const before = blocks[i - 1];
    const after = blocks.slice(i + 1).find((n) => n.kind !== 'footnote');
    const interrupts =
      b.kind === 'paragraph' &&
      b.line_start === b.line_end &&
      b.refs.length === 0 &&
      b.text.split(' ').length <= 16 &&
      before !== undefined &&
      isBody(before) &&
      !endsSentence(before.text) &&
      after?.kind === 'paragraph' &&
      startsMidSentence(after.text);
    return interrupts ? { ...b, kind: 'caption' as const } : b;
  });
}
