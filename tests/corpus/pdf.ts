/**
 * The corpus's PDFs, built with the hand-made PDF writer of the PDF tests
 * (tests/support/minimal-pdf.ts): a valid one with a line of text, and the
 * broken kinds users have (cut short, password-protected, scanned without a
 * text layer, without pages). Invented text only.
 */
import { encryptedPdf, minimalPdf, pathsOnlyPage } from '../support/minimal-pdf.js';

const TEXT = 'BT /F1 12 Tf 72 770 Td (THE LIST OF POLITICAL PRISONERS) Tj 0 -20 Td (1 Given FAMILY - 3 years.) Tj ET';

export const validPdf = () => minimalPdf({ pages: [TEXT] });

/** The first `fraction` of a valid PDF: no cross-reference table, no trailer. */
export const truncatedPdf = (fraction = 0.6) => {
  const bytes = validPdf();
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
};

export { encryptedPdf };

/** A scanned page: only drawing operators, no text. */
export const noTextPdf = () => minimalPdf({ pages: [pathsOnlyPage] });

export const noPagesPdf = () => minimalPdf({ pages: [] });

/** `count` pages of one line each: a PDF within the file-size limit that is mostly pages. */
export const manyPagesPdf = (count: number) => minimalPdf({ pages: Array.from({ length: count }, () => TEXT) });

/** `pages` pages of `perPage` one-digit text items, each set apart (pdfjs reports each as an item). */
export const tinyItemsPdf = (pages: number, perPage: number) => {
  const page = Array.from(
    { length: perPage },
    (_, i) => `1 0 0 1 ${20 + (i % 40) * 14} ${20 + (Math.floor(i / 40) % 80) * 10} Tm (${i % 10}) Tj`,
  ).join(' ');
  return minimalPdf({ pages: Array.from({ length: pages }, () => `BT /F1 2 Tf ${page} ET`) });
};

/**
 * A valid PDF with object 1 written again `repeats` times, each an unclosed string over `padding` spaces: its
 * cross-reference table then points at the wrong bytes, pdfjs rebuilds it, and re-parses every repeat to the end of
 * the file (what make fuzz found: 26 s for 330 kB).
 */
export const repeatedObjectPdf = (repeats: number, padding: number) => {
  const text = validPdf().toString('latin1');
  const header = text.indexOf('\n') + 1;
  const repeated = `1 0 obj\n(${' '.repeat(padding)}\n`.repeat(repeats);
  return Buffer.from(text.slice(0, header) + repeated + text.slice(header), 'latin1');
};

/**
 * A valid PDF saved incrementally `saves` times, each save writing the catalog (object 1) again, `padding` bytes
 * longer, with its own cross-reference section (and /Prev to the one before): repeated objects a reader finds
 * through the file's index.
 */
export const incrementallySavedPdf = (saves: number, padding = 0) => {
  let text = validPdf().toString('latin1');
  const size = /\/Size (\d+)/.exec(text)![1];
  for (let i = 0; i < saves; i++) {
    const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1];
    const object = text.length;
    text += `1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Note (${'x'.repeat(padding)}) >>\nendobj\n`;
    const xref = text.length;
    text += `xref\n0 1\n0000000000 65535 f \n1 1\n${String(object).padStart(10, '0')} 00000 n \n`;
    text += `trailer\n<< /Size ${size} /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  }
  return Buffer.from(text, 'latin1');
};
