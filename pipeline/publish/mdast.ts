/**
 * Building Markdown documents as mdast trees: one tree renders to Markdown
 * (mdast-util-to-markdown, which escapes what needs escaping) and to the site's
 * HTML (mdast-util-to-hast), with no Markdown parsed back in between.
 */
import type { Heading, Html, List, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

/** Phrasing content: a string (text) or nodes. */
export type Inline = string | PhrasingContent | Inline[];

/** Text with `backticked` spans as inline code: for the pipeline's own prose, never for data. */
export function prose(text: string): PhrasingContent[] {
  return text
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('`') ? { type: 'inlineCode', value: part.slice(1, -1) } : { type: 'text', value: part }));
}

export const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
export const strong = (...children: Inline[]): PhrasingContent => ({ type: 'strong', children: phrasing(children) });
export const link = (url: string, ...children: Inline[]): PhrasingContent => ({ type: 'link', url, children: phrasing(children) });

export function phrasing(content: Inline[]): PhrasingContent[] {
  return content.flatMap((c) =>
    typeof c === 'string' ? (c ? [{ type: 'text' as const, value: c }] : []) : Array.isArray(c) ? phrasing(c) : [c],
  );
}

export const heading = (depth: Heading['depth'], ...children: Inline[]): Heading => ({
  type: 'heading',
  depth,
  children: phrasing(children),
});
export const paragraph = (...children: Inline[]): Paragraph => ({ type: 'paragraph', children: phrasing(children) });
export const comment = (text: string): Html => ({ type: 'html', value: `<!-- ${text} -->` });

export const bulletList = (items: Inline[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((item) => ({ type: 'listItem', spread: false, children: [paragraph(...item)] })),
});

/** A table: the header row, then the rows; a cell is phrasing content. */
export function table(header: Inline[], rows: Inline[][]): Table {
  const cell = (content: Inline): TableCell => ({ type: 'tableCell', children: phrasing([content]) });
  return {
    type: 'table',
    align: header.map(() => null),
    children: [header, ...rows].map((cells) => ({ type: 'tableRow', children: cells.map(cell) })),
  };
}

export const root = (children: RootContent[]): Root => ({ type: 'root', children });

/** Markdown of a tree: GFM tables without padding (stable diffs: a longer cell never realigns a whole table). */
export function markdownOf(tree: Root): string {
  return toMarkdown(tree, {
    bullet: '-',
    emphasis: '_',
    rule: '-',
    extensions: [gfmToMarkdown({ tablePipeAlign: false, tableCellPadding: true })],
  });
}
