/**
 * The source manifest may list an HTML file beside the Markdown and the PDF;
 * `make FORMAT=html` builds the release from it. The mirror has no HTML file,
 * so the test lays out a project of its own: the real manifest with an HTML
 * file added, and a mirror holding the report rendered to HTML at test time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../pipeline/lib/hash.js';
import { cli, REPORT_MD, ROOT, tempDir } from './helpers.js';
import { pageOf } from './support/render-html.js';

const ID = 'odf-2025-02-13-tough-year';

/** A project directory: sources/<id>/source.json listing report.html too, a mirror with it, the Makefile's stamps in place. */
function project(): { dir: string; mirror: string } {
  const dir = tempDir('kzpp-html-build-');
  const mirror = join(dir, 'mirror');
  const html = Buffer.from(pageOf(readFileSync(REPORT_MD, 'utf8'), 'report.md', 'cms'));
  mkdirSync(join(mirror, ID), { recursive: true });
  writeFileSync(join(mirror, ID, 'report.html'), html);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'sources', ID, 'source.json'), 'utf8'));
  manifest.files.push({ format: 'html', name: 'report.html', sha256: sha256(html), bytes: html.length, url: null });
  mkdirSync(join(dir, 'sources', ID), { recursive: true });
  writeFileSync(join(dir, 'sources', ID, 'source.json'), JSON.stringify(manifest, null, 2));
  // the program reads its sources/ from its own place: a copy of it holds this project's; npm ci and compiling are the checkout's
  // the compiled program only: build/ also holds older releases' packages (hundreds of MB), which this build does not use
  for (const part of ['bin', 'build/cli', 'build/validators.cjs', 'identity'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  const keepTime = { preserveTimestamps: true }; // older than node_modules' stamp: make does not run npm ci
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(ROOT, file), join(dir, file), keepTime);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const stamp of ['node_modules/.package-lock.json', 'build/.stamp']) {
    mkdirSync(join(dir, stamp, '..'), { recursive: true });
    if (!stamp.startsWith('node_modules')) writeFileSync(join(dir, stamp), '');
  }
  return { dir, mirror };
}

describe('a manifest listing an HTML file', () => {
  it('make FORMAT=html builds the release from the HTML file', () => {
    const { dir, mirror } = project();
    // -o: never remake the stamps, whatever their times: the project's node_modules is the checkout's, which an npm ci
    // run here would empty (as it did once package.json was edited after the last npm ci)
    const stamps = ['-o', 'node_modules/.package-lock.json', '-o', 'build/.stamp'];
    const make = ['-s', '-f', join(ROOT, 'Makefile'), '-C', dir, ...stamps, 'datasets', 'FORMAT=html', 'TS=tsconfig.json'];
    execFileSync('make', make, { env: { ...process.env, SOURCES_MIRROR: mirror }, stdio: 'pipe' });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const manifest = JSON.parse(readFileSync(join(dir, 'dist', version, 'manifest.json'), 'utf8'));
    expect(manifest.source).toMatchObject({ id: ID, file: 'report.html', format: 'html' });
    expect(manifest.counts).toMatchObject({ prisoners: 48, footnotes: 176 });
  });

  it('refuses a format it does not know before reading anything', () => {
    const r = cli(['build', '--format', 'docx', '--dist', tempDir()]);
    expect([r.status, r.stderr]).toEqual([2, 'kzpp: error: --format must be markdown, pdf or html\n']);
  });
});
