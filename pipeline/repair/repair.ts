/**
 * Repairs that hold for any front end: the model comes out of a page layout,
 * so text interrupted by a page's footnotes is put back together, and heading
 * levels are settled by typography rather than by the converter's guesses.
 */
import { type Block, type BodyBlock, isBody } from '../model/document.js';
import { endsSentence, startsMidSentence } from '../lib/text.js';
import { splitRunTogetherBold } from './bold.js';
import { isAllCapitals } from '../lib/capitals.js';

/** Blocks a page break may put between two halves of a paragraph. */
const interrupts = (b: Block) => b.kind === 'footnote' || b.kind === 'caption';

function join(head: BodyBlock, tail: BodyBlock): BodyBlock {
  // A word hyphenated across the break ("correc-" + "tional") is one word again.
  const hyphenated = /\p{Ll}-$/u.test(head.text) && /^\p{Ll}/u.test(tail.text);
  const text = hyphenated ? head.text.slice(0, -1) + tail.text : `${head.text} ${tail.text}`;
  const shift = text.length - tail.text.length;
  return {
    ...head,
    text,
    refs: [...head.refs, ...tail.refs.map((r) => ({ n: r.n, at: r.at + shift }))],
    line_end: tail.line_end,
  };
}

/**
 * A body block that stops mid-sentence, followed by footnotes or captions and
 * then a body block starting in lower case, is one block split by a page break.
 * The interrupting blocks keep their place after the joined block.
 */
export function joinSplitBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    let block = blocks[i]!;
    if (!isBody(block)) {
      out.push(block);
      continue;
    }
    const between: Block[] = [];
    for (;;) {
      let j = i + 1;
      while (j < blocks.length && interrupts(blocks[j]!)) j++;
      const next = blocks[j];
      if (j === i + 1 || !next || next.kind !== 'paragraph' || endsSentence(block.text) || !startsMidSentence(next.text)) break;
      between.push(...blocks.slice(i + 1, j));
      block = join(block, next);
      i = j;
    }
    out.push(block, ...between);
  }
  return out;
}

/**
 * Level 1 is the title; a heading in capitals is a chapter (2); any other
 * heading, whatever the converter made of it, is a section within one (3).
 */
export function normalizeHeadingLevels(blocks: Block[]): Block[] {
  return blocks.map((b) => (b.kind === 'heading' && b.level !== 1 ? { ...b, level: isAllCapitals(b.text) ? 2 : 3 } : b));
}

export const repair = (blocks: Block[]): Block[] => normalizeHeadingLevels(joinSplitBlocks(splitRunTogetherBold(blocks)));
