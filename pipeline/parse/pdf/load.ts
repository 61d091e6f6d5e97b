/**
 * PDF bytes -> positioned text items per page, or a one-line input error.
 *
 * pdf-parse 2 wraps pdfjs; its getText() flattens each page to a string, which
 * loses what the front end needs (baselines for superscript footnote markers,
 * indents, gaps between paragraphs). So the pages are read with pdfjs itself
 * (pdfjs-dist, pinned to the version pdf-parse 2.4 is built on), and its
 * exceptions are turned into the CLI's input errors here, in one place.
 */
import type { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { inputError } from '../../errors.js';
import { checkPdfPages, checkPdfTextItems } from '../../limits.js';
import { checkIndexRebuild } from './rebuild-cost.js';

/** One run of text as pdfjs reports it, in PDF user space (y grows upwards). */
export interface TextItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  /** Font size: the text matrix's vertical scale. */
  size: number;
  width: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
}

/** A link annotation: its target and the rectangle it covers (PDF user space). */
export interface PdfLink {
  url: string;
  rect: [number, number, number, number];
}

/** The pages' text, and link targets on demand (reading annotations costs time: only where text is missing). */
export interface LoadedPdf {
  pages: PdfPage[];
  linksOn(page: number): Promise<PdfLink[]>;
  close(): Promise<void>;
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocument['getPage']>>;

/**
 * pdfjs, loaded on the first PDF: a Markdown run (and the bundled CLI) never pays for it. Its worker module too, which
 * pdfjs would import itself when the first document opens (in Node the "worker" runs in this thread, from the same
 * module, so that import finds it loaded): both must have loaded before native push is put back (below).
 */
const pdfjs = () =>
  Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import(WORKER)])
    .then(([api]) => api)
    .finally(restoreNativePush);
/** A variable, not a literal: the worker has no type declarations, and only its loading matters here. */
const WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * pdfjs's legacy build (the one for Node 20) carries core-js, which on loading, and again when its worker module
 * loads, replaces Array.prototype.push with a JavaScript polyfill for a corner of the spec (a frozen length). Every
 * push in the process, ours and pdfjs's, then ran through it: a tenth of a PDF extraction's CPU time, and most of the
 * 26 s a damaged PDF of 330 kB took while pdfjs rebuilt its cross-reference table (the worker's module loaded only
 * once the document was opening, so the push was put back too late for that). Put back.
 */
const nativePush = Array.prototype.push;
function restoreNativePush(): void {
  if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;
}

/** Operators that put something visible on a page other than text. */
async function drawingOperators(): Promise<Set<number>> {
  const { OPS } = await pdfjs();
  return new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.constructPath,
    OPS.fill,
    OPS.stroke,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.shadingFill,
  ]);
}

/** The header may follow up to 1 KB of junk (as readers allow); it must be there. */
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
/** A complete file ends with %%EOF (give or take trailing whitespace and junk). */
const isComplete = (bytes: Uint8Array) => Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF');

/**
 * What pdfjs throws for a damaged file (errors inside its worker reach us as
 * UnknownErrorException). Anything else, e.g. pdfjs failing to start, is our
 * bug, not the user's file: it is not reported as damage.
 */
const DAMAGED = new Set([
  'InvalidPDFException',
  'UnknownErrorException',
  'FormatError',
  'MissingDataException',
  'XRefParseException',
  'XRefEntryException',
  'ParserEOFException',
]);
function damaged(e: unknown, place: { file: string; page?: number }, advice = ''): never {
  if (!DAMAGED.has((e as Error)?.name)) throw e;
  throw inputError(`the PDF is truncated or damaged (${(e as Error).message})${advice}`, place);
}

async function open(bytes: Uint8Array, file: string): Promise<PdfDocument> {
  try {
    // pdfjs takes ownership of (and detaches) the buffer it is given: pass a copy
    const { getDocument } = await pdfjs();
    return await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, stopAtErrors: true }).promise;
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException')
      throw inputError('the PDF is encrypted (password-protected): save an unprotected copy first', { file });
    damaged(e, { file }, ': it cannot be read');
  }
}

/** Text items read so far across the pages, against LIMITS.pdfTextItems. */
interface ItemBudget {
  used: number;
}

/** pdfjs's items as they stream in, so a page of a million tiny items is refused before it is all in memory. */
async function* streamedItems(page: PdfPageProxy): AsyncGenerator<Record<string, unknown>> {
  const reader = page.streamTextContent().getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield* (value as { items: Array<Record<string, unknown>> }).items;
    }
  } finally {
    // not reader.cancel(): pdfjs's doc.destroy() then never settles (and Node exits 0 with nothing said); destroy stops the worker
    reader.releaseLock();
  }
}

async function readPage(page: PdfPageProxy, number: number, budget: ItemBudget, file: string): Promise<PdfPage> {
  const [, , width, height] = page.view as [number, number, number, number];
  const items: TextItem[] = [];
  for await (const item of streamedItems(page)) {
    checkPdfTextItems(++budget.used, { file, page: number });
    if (typeof item.str !== 'string' || !item.str) continue;
    const [a, b, c, d, x, y] = item.transform as number[];
    items.push({ str: item.str, x: x!, y: y!, size: Math.hypot(c!, d!) || Math.hypot(a!, b!), width: item.width as number });
  }
  return { number, width, height, items };
}

/** A page with drawings or images but no text is a scan (or text turned into outlines). */
async function drawsWithoutText(page: PdfPageProxy): Promise<boolean> {
  const [ops, drawing] = await Promise.all([page.getOperatorList(), drawingOperators()]);
  return ops.fnArray.some((op) => drawing.has(op));
}

export async function loadPdf(bytes: Uint8Array, file: string): Promise<LoadedPdf> {
  if (!isPdf(bytes)) throw inputError('not a PDF (no %PDF- header): check the file', { file });
  if (!isComplete(bytes)) throw inputError('the PDF is truncated (no %%EOF at its end): download it again', { file });
  checkIndexRebuild(bytes, file);
  const doc = await open(bytes, file);
  let ok = false;
  try {
    if (doc.numPages === 0) throw inputError('the PDF has no pages', { file });
    checkPdfPages(doc.numPages, file);
    const pages: PdfPage[] = [];
    const budget: ItemBudget = { used: 0 };
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PdfPageProxy;
      try {
        page = await doc.getPage(n);
        pages.push(await readPage(page, n, budget, file));
      } catch (e) {
        damaged(e, { file, page: n });
      }
      if (pages.at(-1)!.items.every((i) => !i.str.trim()) && (await drawsWithoutText(page))) {
        throw inputError('no text layer on this page (a scanned or outlined page): run OCR first or use the Markdown copy', {
          file,
          page: n,
        });
      }
    }
    if (pages.every((p) => p.items.every((i) => !i.str.trim())))
      throw inputError('no text layer: the PDF has no extractable text', { file, page: 1 });
    ok = true;
    return { pages, linksOn: (n) => readLinks(doc, n), close: () => doc.destroy() };
  } finally {
    // not awaited: with a page stream left mid-way (a refused page) pdfjs never settles it, and Node would exit 0 silently
    if (!ok) void doc.destroy();
  }
}

async function readLinks(doc: PdfDocument, n: number): Promise<PdfLink[]> {
  const annotations = (await (await doc.getPage(n)).getAnnotations()) as Array<{ subtype?: string; url?: string; rect?: number[] }>;
  return annotations.flatMap((a) => (a.subtype === 'Link' && a.url && a.rect ? [{ url: a.url, rect: a.rect as PdfLink['rect'] }] : []));
}
