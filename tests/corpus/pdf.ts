/**
 * Minimal PDFs written by hand, for the bad-input corpus: a valid one with a
 * line of text, and the broken kinds users have (cut short, password-protected,
 * scanned without a text layer, without pages). Invented text only.
 */
import { createHash } from 'node:crypto';

/** A PDF from its objects (1-based, in order): header, bodies, xref table with real offsets, trailer. */
function pdf(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** One A4 page drawing `content`, with a standard font available. */
const onePage = (content: string) => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  stream(content),
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];

const TEXT = 'BT /F1 12 Tf 72 770 Td (THE LIST OF POLITICAL PRISONERS) Tj 0 -20 Td (1 Given FAMILY - 3 years.) Tj ET';

export const validPdf = () => pdf(onePage(TEXT));

/** The first `fraction` of a valid PDF: no cross-reference table, no trailer. */
export const truncatedPdf = (fraction = 0.6) => {
  const bytes = validPdf();
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
};

/** 2n hex digits derived from a word: fixed bytes that look random. */
const hexOf = (word: string, bytes: number) => createHash('sha256').update(word).digest('hex').slice(0, 2 * bytes);

/**
 * Encrypted with the standard handler and a user password: the O and U entries
 * are arbitrary, so no empty password opens it, as with a protected download.
 */
export const encryptedPdf = () => {
  const id = hexOf('id', 16);
  const objects = [...onePage(TEXT), `<< /Filter /Standard /V 1 /R 2 /O <${hexOf('owner', 32)}> /U <${hexOf('user', 32)}> /P -44 >>`];
  return pdf(objects, `/Encrypt 6 0 R /ID [<${id}> <${id}>] `);
};

/** A scanned page: only drawing operators (a filled rectangle and lines standing for the image), no text. */
export const noTextPdf = () => pdf(onePage('0.2 g 72 600 450 170 re f 0 G 72 580 m 522 580 l S 72 560 m 400 560 l S'));

export const noPagesPdf = () => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
