/** Bad PDFs: one line naming the file (and page), exit 3, OUT untouched. Each file is broken in one way. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfRepeatsAllowed } from '../pipeline/limits.js';
import { indexFound, repeatedObjects } from '../pipeline/parse/pdf/rebuild-cost.js';
import { incrementallySavedPdf, repeatedObjectPdf } from './corpus/pdf.js';
import { kzpp, snapshot, tempDir } from './helpers.js';
import { encryptedPdf, minimalPdf, pathsOnlyPage, textPage } from './support/minimal-pdf.js';

const good = minimalPdf({ pages: [textPage('1 Arman TESTOV - 5 years')] });

const cases: Array<{ name: string; bytes: Buffer; message: RegExp }> = [
  { name: 'not a PDF', bytes: Buffer.from('# A Markdown file saved as .pdf\n'), message: /not a PDF/ },
  { name: 'truncated', bytes: good.subarray(0, Math.floor(good.length * 0.6)), message: /truncated/ },
  { name: 'truncated inside the cross-reference table', bytes: good.subarray(0, good.lastIndexOf('trailer')), message: /truncated/ },
  {
    name: 'damaged cross-reference, %%EOF kept',
    bytes: Buffer.concat([good.subarray(0, 200), Buffer.from('\n%%EOF\n')]),
    message: /truncated/,
  },
  { name: 'encrypted', bytes: encryptedPdf(), message: /encrypted/ },
  { name: 'no text layer', bytes: minimalPdf({ pages: [textPage('Cover'), pathsOnlyPage] }), message: /page 2: no text layer/ },
  { name: 'no pages', bytes: minimalPdf({ pages: [] }), message: /no pages/ },
];

describe('bad PDFs', () => {
  for (const c of cases) {
    it(`${c.name}: exit 3, one line naming the file, OUT unchanged`, async () => {
      const dir = tempDir();
      const file = join(dir, 'report.pdf');
      writeFileSync(file, c.bytes);
      const out = join(dir, 'out');
      mkdirSync(out);
      writeFileSync(join(out, 'keep.txt'), 'from an earlier run');
      const before = snapshot(out);
      const r = await kzpp(['extract', file, '--out', out, '--force']); // a folder of the user's own: --force, or the guard refuses it first
      expect(r.status).toBe(3);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(out)).toEqual(before);
    });
  }

  it('the same generator makes a readable PDF when nothing is broken (the cases above fail for their own reason)', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.pdf');
    writeFileSync(file, good);
    const r = await kzpp(['extract', file, '--out', join(dir, 'out')]);
    // a readable PDF that is not a report: it gets past loading and fails on content, not on the file
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no list of political prisoners/);
  });

  it('repeated objects: counted as pdfjs would re-read them, up to the allowance; a few (incremental saves) get through', async () => {
    expect(repeatedObjects(good, 100)).toBe(0);
    expect(repeatedObjects(repeatedObjectPdf(7, 10), 100)).toBe(7); // "1 0 obj" seven more times
    expect(repeatedObjects(repeatedObjectPdf(1_000, 10), 50)).toBe(50); // the scan stops at what it was asked for
    expect(repeatedObjects(Buffer.from('%PDF-1.4\n1 0 obj\n2 0 obj\n11 0 obj\n1 1 obj\n1 0 objects 1 0 obj'), 9)).toBe(1);
    expect(pdfRepeatsAllowed(16 * 1024 * 1024)).toBe(1);
    // a few repeats pass the check, and the file reaches pdfjs (which rebuilds its index and reads the page)
    const dir = tempDir();
    writeFileSync(join(dir, 'report.pdf'), repeatedObjectPdf(7, 10));
    const r = await kzpp(['extract', join(dir, 'report.pdf'), '--out', join(dir, 'out')]);
    expect(r.stderr).toMatch(/no list of political prisoners/);
  });

  it("the limit holds only where pdfjs must rebuild the file's index: an incrementally saved PDF is read through its own", async () => {
    expect(indexFound(good)).toBe(true);
    expect(indexFound(repeatedObjectPdf(7, 10))).toBe(false); // bytes inserted: the index points at the wrong places
    expect(indexFound(good.subarray(0, good.lastIndexOf('startxref')))).toBe(false);
    const saved = incrementallySavedPdf(60, 5_000); // 60 repeats in 0.3 MiB: over the limit, were it held to it
    expect(repeatedObjects(saved, 1_000)).toBe(60);
    expect(60 * saved.length).toBeGreaterThan(16 * 1024 * 1024);
    expect(indexFound(saved)).toBe(true);
    expect(indexFound(incrementallySavedPdf(70))).toBe(false); // past the sections the check reads: the limit judges
    // its index broken (the newest cross-reference section points one byte off): refused by the limit
    const lastEntry = saved.toString('latin1').lastIndexOf(' 00000 n ');
    const off = Number(saved.toString('latin1').slice(lastEntry - 10, lastEntry));
    const shifted = Buffer.from(
      saved.toString('latin1').slice(0, lastEntry - 10) + String(off + 1).padStart(10, '0') + saved.toString('latin1').slice(lastEntry),
      'latin1',
    );
    expect(indexFound(shifted)).toBe(false);
    const dir = tempDir();
    for (const [name, bytes] of [
      ['saved.pdf', saved],
      ['shifted.pdf', shifted],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
    }
    const read = await kzpp(['extract', join(dir, 'saved.pdf'), '--out', join(dir, 'out')]);
    expect(read.stderr).toMatch(/no list of political prisoners/); // past the limit and pdfjs: refused for its content
    const refused = await kzpp(['extract', join(dir, 'shifted.pdf'), '--out', join(dir, 'out')]);
    expect(refused.stderr).toMatch(/shifted\.pdf: the PDF repeats its objects more than \d+ times/);
  });
});
