/**
 * Hand-made PDFs for the bad-input tests: a few objects with a correct
 * cross-reference table, so each file is broken in exactly one way.
 */

export interface MinimalPdfOptions {
  /** Content stream of each page; none makes a /Pages with /Count 0. */
  pages: string[];
  /** Extra trailer entries (e.g. an /Encrypt reference) and extra objects they point to. */
  trailer?: string;
  extraObjects?: string[];
}

export function minimalPdf({ pages, trailer = '', extraObjects = [] }: MinimalPdfOptions): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const firstPage = 4;
  const kids = pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  pages.forEach((content, i) => {
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${firstPage + 2 * i + 1} 0 R >>`,
    );
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  for (const extra of extraObjects) add(extra);

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const textPage = (text: string) => `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;

/** Only vector paths: what a page looks like when its text was turned into outlines (or it is a drawing). */
export const pathsOnlyPage = '0 0 0 rg 72 700 m 300 700 l 300 720 l 72 720 l f 72 650 m 400 660 l S';

/** A Standard security handler with a user password: readers must ask for it. */
export function encryptedPdf(): Buffer {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  const pages = [textPage('Secret')];
  const encryptObject = 3 + 2 * pages.length + 1; // after catalog, pages, font and each page's two objects
  return minimalPdf({
    pages,
    extraObjects: [`<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(99)}> /P -44 >>`],
    trailer: `/Encrypt ${encryptObject} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `,
  });
}
