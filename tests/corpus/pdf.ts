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
