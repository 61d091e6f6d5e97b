/** Layouts in columns and with endnotes, for the PDF tests (see render-pdf.ts). */
import type { RenderStyle } from './render-pdf.js';

export const COLUMN_STYLES: RenderStyle[] = [
  {
    name: 'A4, Times 10, two columns, chapter headings across, first page in one column, footnotes at the column foot',
    size: 'A4', font: 'Times', body: 10, margin: 50, header: 'Two columns', footer: 'page-of', columns: 2, fullWidthHeadings: true,
    firstPageSingleColumn: true,
  },
  {
    name: 'A4, Helvetica 8, three columns, justified, chapter headings across, footnotes running on to the next foot',
    size: 'A4', font: 'Helvetica', body: 8, margin: 40, footer: 'number', columns: 3, fullWidthHeadings: true, justify: true, footnoteRunover: true,
  },
  {
    name: 'US Letter, Helvetica 9, two columns, endnotes at the end in plain figures with back-links',
    size: 'LETTER', font: 'Helvetica', body: 9, margin: 54, footer: 'page-of', columns: 2, endnotes: { at: 'document', numbers: 'plain', backlinks: true },
  },
  {
    name: 'A5, Times 11, three columns-free: one column, endnotes at each chapter end as superscripts',
    size: 'A5', font: 'Times', body: 11, margin: 40, header: 'Endnotes', footer: 'number', endnotes: { at: 'chapter', numbers: 'superscript' },
  },
  {
    name: 'A4, Times 10, one column, endnotes in plain figures with back-links (a browser printing a converted page)',
    size: 'A4', font: 'Times', body: 10, margin: 60, footer: 'page-of', tightLists: true, endnotes: { at: 'document', numbers: 'plain', backlinks: true },
    superscript: { size: 0.83, rise: 0.33 },
  },
  {
    name: 'A5, Helvetica 9, two columns, chapter headings across, endnotes as superscripts at the end',
    size: 'A5', font: 'Helvetica', body: 9, margin: 36, footer: 'number', columns: 2, fullWidthHeadings: true,
    endnotes: { at: 'document', numbers: 'superscript' },
  },
];
