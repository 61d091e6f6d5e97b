/**
 * The style gate's width, for what the formatter cannot wrap (long strings, template literals, comments):
 * no line in pipeline/ over 140 characters.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../pipeline/lib/files.js';
import { ROOT } from './helpers.js';

const MAX_WIDTH = 140;

/** "file:line (N characters)" for every line wider than the limit, counted in characters (code points). */
function overlongLines(dir: string, max = MAX_WIDTH): string[] {
  return listFiles(dir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => ([...line].length > max ? [`${file}:${i + 1} (${[...line].length} characters)`] : [])),
    );
}

describe('line width', () => {
  it(`keeps every line of pipeline/ within ${MAX_WIDTH} characters`, () => {
    expect(overlongLines(join(ROOT, 'pipeline'))).toEqual([]);
  });

  it('finds a line one character over the limit, counting characters, not bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kzpp-width-'));
    try {
      writeFileSync(join(dir, 'at.ts'), `${'é'.repeat(MAX_WIDTH)}\n`);
      writeFileSync(join(dir, 'over.ts'), `ok\n${'x'.repeat(MAX_WIDTH + 1)}\n`);
      expect(overlongLines(dir)).toEqual([`over.ts:2 (${MAX_WIDTH + 1} characters)`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
