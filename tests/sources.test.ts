import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../pipeline/errors.js';
import { fetchSourceFile } from '../pipeline/fetch/fetch.js';
import { sha256 } from '../pipeline/lib/hash.js';
import { loadManifest, parseManifest } from '../pipeline/sources/manifest.js';
import { REPORT_MD, ROOT, tempDir } from './helpers.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const good = JSON.parse(readFileSync(join(ROOT, 'sources/odf-2025-02-13-tough-year/source.json'), 'utf8'));
const parse = (m: unknown) => () => parseManifest(JSON.stringify(m), 'source.json');

describe('source manifest', () => {
  it('declares the report with both files and the checksums of the mirror copy', () => {
    const m = loadManifest('odf-2025-02-13-tough-year');
    expect(m.files.map((f) => f.format)).toEqual(['markdown', 'pdf']);
    expect(m.files[0]!.sha256).toBe(sha256(readFileSync(REPORT_MD)));
    expect(m.assertions).toEqual({ prisoners: 48, convicted: 40, pre_trial: 8, footnotes: 176 });
  });

  it('refuses unknown keys, missing fields, path traversal and bad dates, naming the field', () => {
    expect(parse({ ...good, extra: 1 })).toThrow(/source\.json: invalid source manifest at \(root\): Unrecognized key.*extra/);
    const { publisher: _, ...missing } = good;
    expect(parse(missing)).toThrow(/at publisher:/);
    expect(parse({ ...good, files: [{ ...good.files[0], name: '../../etc/passwd' }] })).toThrow(
      /at files\.0\.name: expected a bare file name/,
    );
    expect(parse({ ...good, published_on: '13.02.2025' })).toThrow(/at published_on/);
    expect(() => parseManifest('{not json', 'source.json')).toThrow(/invalid JSON/);
  });
});

describe('fetch', () => {
  const manifest = {
    ...good,
    id: 'demo',
    files: [{ format: 'markdown', name: 'report.md', sha256: sha256('hello'), bytes: 5, url: null }],
  };

  it('reads from the mirror and verifies the checksum', async () => {
    const mirror = tempDir();
    mkdirSync(join(mirror, 'demo'));
    writeFileSync(join(mirror, 'demo', 'report.md'), 'hello');
    const f = await fetchSourceFile(manifest, manifest.files[0], mirror);
    expect(f.bytes.toString()).toBe('hello');
  });

  it('stops on a checksum mismatch with the file, expected and actual hash in one line', async () => {
    const mirror = tempDir();
    mkdirSync(join(mirror, 'demo'));
    writeFileSync(join(mirror, 'demo', 'report.md'), 'tampered');
    const error = await fetchSourceFile(manifest, manifest.files[0], mirror).catch((e: PipelineError) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).format()).toBe(
      `${join(mirror, 'demo', 'report.md')}: checksum mismatch: expected sha256 ${sha256('hello')}, got ${sha256('tampered')}`,
    );
    expect((error as PipelineError).exitCode).toBe(4);
  });

  it('explains what to do when the mirror lacks the file and there is no URL', async () => {
    const error = await fetchSourceFile(manifest, manifest.files[0], tempDir()).catch((e: PipelineError) => e);
    expect((error as PipelineError).format()).toMatch(/demo\/report\.md: not in the mirror .* set SOURCES_MIRROR/);
  });
});
