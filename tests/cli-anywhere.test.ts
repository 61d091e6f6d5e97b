/**
 * One way to find things: the pipeline's own files (sources, schemas, identity, release records, docs)
 * from the package's location; what the user names from the current directory. Every command works
 * from a subfolder of the checkout and from a folder outside it (real processes: where the program is installed is
 * what is tested). And the small frictions, each in one line (run in the test process).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, kzpp, ROOT, tempDir } from './helpers.js';

const PLACES: Array<[string, () => string]> = [
  ['a subfolder of the checkout', () => join(ROOT, 'pipeline')],
  ['a folder outside the checkout', () => tempDir('kzpp-elsewhere-')],
];

describe.each(PLACES)('from %s', (_, place) => {
  it("schemas --check finds the package's schemas and says what it checked", () => {
    const r = cli(['schemas', '--check', '--human'], { cwd: place() });
    expect(r.status, r.stderr).toBe(0);
    const count = readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).length;
    expect(r.stderr).toBe(`checked ${count} JSON Schemas in ${join(ROOT, 'schemas')}: each matches its zod definition\n`);
  });

  it("build finds the source manifest, the mirror and the release records; dictionary --check the package's dictionary", () => {
    const cwd = place();
    const dist = join(tempDir(), 'dist');
    const r = cli(['build', '--dist', dist, '--json'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dist, JSON.parse(r.stdout).version, 'manifest.json'))).toBe(true);
    expect(cli(['dictionary', '--check'], { cwd }).status).toBe(0);
  });

  it('extract and diff read inputs and write --out relative to the current directory', () => {
    const cwd = tempDir();
    const r = cli(['extract', fixture('mini-report.md'), '--out', 'out', '--json'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')).version).toBeNull();
    expect(cli(['diff', 'out', fixture('mini-report.md'), '--out', 'diff'], { cwd }).status).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'diff', 'diff.json'), 'utf8')).bump).toBe('none');
  });
});

describe('frictions', () => {
  it('a mistyped command: did you mean', async () => {
    expect(await kzpp(['biuld'])).toMatchObject({
      status: 2,
      stderr: 'kzpp: error: unknown command "biuld": did you mean "build"? (see kzpp --help)\n',
    });
  });

  it('an unknown option: one short line naming it', async () => {
    expect(await kzpp(['build', '--frobnicate'])).toMatchObject({
      status: 2,
      stderr: 'kzpp: error: unknown option --frobnicate for kzpp build (see kzpp build --help)\n',
    });
  });

  it('an unknown source id lists the declared ones', async () => {
    const r = await kzpp(['build', '--source', 'nonesuch', '--dist', tempDir()]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/no source manifest for "nonesuch" \(declared: odf-2025-02-13-tough-year\)\n$/);
  });

  it('kzpp help <command> is kzpp <command> --help', async () => {
    expect((await kzpp(['help', 'diff'])).stdout).toBe((await kzpp(['diff', '--help'])).stdout);
    expect((await kzpp(['help', 'diff'])).stdout).toMatch(/^Usage: kzpp diff /);
  });

  it('a missing directory: exit 3 from every command that reads one', async () => {
    const missing = join(tempDir(), 'nope');
    for (const args of [
      ['verify-release', missing],
      ['validate', missing],
      ['inspect', missing],
      ['diff', missing, missing, '--out', join(tempDir(), 'd')],
      ['extract', missing, '--out', join(tempDir(), 'o')],
    ]) {
      const r = await kzpp(args);
      expect(r.status, `${args[0]}: ${r.stderr}`).toBe(3);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('inspect finds a person by name or alias, folded as ids are', async () => {
    const out = join(tempDir(), 'out');
    expect((await kzpp(['extract', fixture('tables-report.md'), '--out', out])).status).toBe(0);
    for (const name of ['Boris Talloyev', 'boris talloev', 'BORIS TALLOEV']) {
      const r = await kzpp(['inspect', out, 'prisoners', name, '--human']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/prisoners "boris-talloyev"/);
    }
    expect((await kzpp(['inspect', out, 'prisoners', 'Nobody Atall'])).status).toBe(2);
  });
});
