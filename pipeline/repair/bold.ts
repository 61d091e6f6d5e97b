/**
 * Bold runs a converter ran together ("**A****B**") reach a rendering of the
 * report as literal asterisks. Four or more in a row stand between two
 * headings set side by side; inside other text they mean nothing.
 */
import type { Block } from '../model/document.js';

const RUN_TOGETHER = /\*{4,}/;

export const hasRunTogetherBold = (text: string) => RUN_TOGETHER.test(text);

export const withoutRunTogetherBold = (text: string) => text.replace(/\*{4,}/g, '');

/** A heading holding run-together bold becomes one heading per run; other text loses the asterisks. */
export function splitRunTogetherBold(blocks: Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.kind === 'footnote' || !hasRunTogetherBold(b.text)) return [b];
    if (b.kind === 'heading')
      return b.text
        .split(RUN_TOGETHER)
        .filter(Boolean)
        .map((text) => ({ ...b, text: text.trim() }));
    return [{ ...b, text: withoutRunTogetherBold(b.text) }];
  });
}
