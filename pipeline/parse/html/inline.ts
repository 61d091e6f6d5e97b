/**
 * Inline content -> plain text, footnote references and link targets, with
 * whitespace collapsed as the Markdown front end collapses it, so the same
 * sentence gives the same text from either format.
 */
import type { ElementContent } from 'hast';
import type { Ref } from '../../model/document.js';
import { isBackLink, markerNumbers, type NoteIndex } from './notes.js';
import { attr, fragmentOf, NO_TEXT, textOf } from './tree.js';

export class InlineText {
  text = '';
  refs: Ref[] = [];
  links: string[] = [];

  constructor(
    private readonly notes: NoteIndex,
    /** Nodes to leave out (the marker opening a note). */
    private readonly skip: ReadonlySet<ElementContent> = new Set(),
  ) {}

  add(s: string): this {
    for (const ch of s) {
      if (/\s/.test(ch)) {
        if (this.text && !this.text.endsWith(' ')) this.text += ' ';
      } else this.text += ch;
    }
    return this;
  }

  /** References glued to the word before them, as the Markdown front end places them. */
  private cite(numbers: number[]): void {
    this.text = this.text.trimEnd();
    for (const n of numbers) this.refs.push({ n, at: this.text.length });
  }

  walk(nodes: ElementContent[]): this {
    for (const node of nodes) {
      if (this.skip.has(node)) continue;
      if (node.type === 'text') this.add(node.value);
      else if (node.type === 'element') this.element(node);
    }
    return this;
  }

  private element(e: Extract<ElementContent, { type: 'element' }>): void {
    if (NO_TEXT.has(e.tagName) || e.tagName === 'img' || isBackLink(e, this.notes)) return;
    if (e.tagName === 'br') {
      this.add(' ');
      return;
    }
    const numbers = markerNumbers(textOf(e));
    // "nd" in 142<sup>nd</sup> is text; a number in a superscript or an in-page link is a reference
    if (numbers && (e.tagName === 'sup' || (e.tagName === 'a' && fragmentOf(e) !== null))) {
      this.cite(numbers);
      return;
    }
    const href = e.tagName === 'a' ? attr(e, 'href') : '';
    if (href && !href.startsWith('#')) this.links.push(href);
    this.walk(e.children);
  }

  result(): { text: string; refs: Ref[] } {
    const text = this.text.trim();
    return { text, refs: this.refs.map((r) => ({ n: r.n, at: Math.min(r.at, text.length) })) };
  }
}
