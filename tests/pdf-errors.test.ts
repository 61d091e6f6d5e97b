/** Bad PDFs: one line naming the file (and page), exit 3, OUT untouched. Each file is broken in one way. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
