/**
 * The front ends, one entry per input format: how a file is recognised, whether
 * it is text (decoded and checked by parse/text.ts first) and how it is loaded.
 * The Format type, format detection, the source manifest's format enum and the
 * --format option all come from this table, so a new front end is one entry
 * here plus its own folder. Parsers are imported only when a file needs them.
 */
import { extname } from 'node:path';
import { declaredCharset } from './html/charset.js';
import type { Block } from '../model/document.js';

/** What a front end gives back: blocks in reading order, and for paged formats the first line of each page. */
export interface Parsed {
  blocks: Block[];
  pageStarts?: number[];
}

interface Recognised {
  /** File name endings, lower case with the dot. */
  extensions: readonly string[];
  /** Does the file's beginning say it is this format, whatever its name? */
  sniff?: (head: Uint8Array) => boolean;
}

/** A text format: load gets text already decoded and checked (limits, empty, binary). */
interface TextFrontEnd extends Recognised {
  text: true;
  /** The encoding the file declares inside itself (a web page's <meta charset>), if the format has such a thing. */
  charset?: (bytes: Uint8Array) => string | undefined;
  /** Its parser's cost is linear in the text (parse5): the cost pre-pass, which bounds remark's costly constructs, is not needed. */
  linear?: true;
  load: (text: string, file: string) => Promise<Parsed>;
}

/** A binary format (PDF): load gets the bytes and does its own checks. */
interface BinaryFrontEnd extends Recognised {
  text: false;
  load: (bytes: Buffer, file: string) => Promise<Parsed>;
}

export type FrontEnd = TextFrontEnd | BinaryFrontEnd;

/** A page saved from a browser starts like this (after a byte-order mark and comments); the report in Markdown never does. */
const HTML_PAGE = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html|head)[\s>]/i;
const isHtmlPage = (head: Uint8Array) => HTML_PAGE.test(Buffer.from(head.subarray(0, 4096)).toString('latin1'));

export const FRONT_ENDS = {
  markdown: {
    extensions: ['.md', '.markdown', '.txt'],
    text: true,
    async load(text) {
      const { parseMarkdown } = await import('./markdown.js');
      return { blocks: parseMarkdown(text) };
    },
  },
  pdf: {
    extensions: ['.pdf'],
    sniff: (head) => Buffer.from(head.subarray(0, 5)).toString() === '%PDF-',
    text: false,
    async load(bytes, file) {
      const { parsePdf } = await import('./pdf.js');
      return parsePdf(bytes, file);
    },
  },
  html: {
    extensions: ['.html', '.htm', '.xhtml'],
    sniff: isHtmlPage,
    text: true,
    charset: (bytes) => declaredCharset(bytes),
    linear: true,
    async load(text, file) {
      const { parseHtml } = await import('./html.js');
      return { blocks: parseHtml(text, file) };
    },
  },
} as const satisfies Record<string, FrontEnd>;

export type Format = keyof typeof FRONT_ENDS;

/** Every format, in the registry's order (a tuple, for zod's enum). */
export const FORMATS = Object.keys(FRONT_ENDS) as [Format, ...Format[]];

/** What a file of unknown kind is read as. */
export const FALLBACK_FORMAT: Format = 'markdown';

export const isFormat = (name: unknown): name is Format => typeof name === 'string' && Object.hasOwn(FRONT_ENDS, name);

/** "markdown or pdf", "markdown, pdf or html": for messages. */
export const formatChoices = () => `${FORMATS.slice(0, -1).join(', ')}${FORMATS.length > 1 ? ' or ' : ''}${FORMATS.at(-1)}`;

const frontEnds = () => Object.entries(FRONT_ENDS) as Array<[Format, FrontEnd]>;

/** The file's own bytes decide first (a PDF named .md is a PDF), then its name; else the fallback. */
export function formatOf(file: string, bytes: Uint8Array): Format {
  const sniffed = frontEnds().find(([, frontEnd]) => frontEnd.sniff?.(bytes));
  if (sniffed) return sniffed[0];
  const ext = extname(file).toLowerCase();
  return frontEnds().find(([, frontEnd]) => frontEnd.extensions.includes(ext))?.[0] ?? FALLBACK_FORMAT;
}
