/**
 * Releases say what built them (issue #13): a CycloneDX SBOM of the runtime
 * dependencies and a provenance record, byte-identical across rebuilds,
 * described in datapackage.json, hashed in SHA256SUMS, checked by verify-release.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../pipeline/lib/hash.js';
import { checkReleaseIntegrity } from '../pipeline/publish/integrity.js';
import { git, loadFactor, ROOT, sharedBuild, snapshot, tempDir } from './helpers.js';

const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string; dev?: boolean; integrity?: string }>;
};

/** A test that builds: a minute on a quiet machine, stretched by the load of a shared one. */
const BUILDS_MS = 60_000 * loadFactor();

/** The release of one of the run's two independent builds (tests/helpers.ts). */
const build = async (slot: 'a' | 'b') => join(await sharedBuild(slot), VERSION);
const FIRST = await build('a');

describe('SBOM and provenance', () => {
  const first = FIRST;
  const read = (file: string, dir = first) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

  it(
    'two fresh builds are byte-identical, the SBOM and provenance included',
    async () => {
      const second = await build('b');
      expect(snapshot(second)).toEqual(snapshot(first));
      expect(Object.keys(snapshot(first))).toEqual(expect.arrayContaining(['/sbom.cdx.json', '/provenance.json']));
    },
    BUILDS_MS,
  );

  it('the SBOM is CycloneDX and lists every runtime dependency of the lock file with its hash, and no dev dependency', () => {
    const sbom = read('sbom.cdx.json');
    expect(sbom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1 });
    expect(sbom).not.toHaveProperty('serialNumber');
    expect(JSON.stringify(sbom)).not.toMatch(/timestamp/);
    const runtime = Object.entries(lock.packages).filter(([path, p]) => path && !p.dev);
    expect(sbom.components).toHaveLength(runtime.length);
    const zod = sbom.components.find((c: { name: string }) => c.name === 'zod');
    const locked = lock.packages['node_modules/zod']!;
    expect(zod).toMatchObject({ version: locked.version, purl: `pkg:npm/zod@${locked.version}`, licenses: [{ expression: 'MIT' }] });
    expect(zod.hashes).toEqual([
      { alg: 'SHA-512', content: Buffer.from(locked.integrity!.slice('sha512-'.length), 'base64').toString('hex') },
    ]);
    expect(sbom.components.some((c: { name: string }) => c.name === 'vitest')).toBe(false);
  });

  it('provenance gives the source and lock file sha256, the pipeline version and code commit, the Node major version', () => {
    const provenance = read('provenance.json');
    const manifest = read('manifest.json');
    expect(provenance.source.sha256).toBe(manifest.source.sha256);
    expect(provenance.pipeline.version).toBe(VERSION);
    expect(provenance.lockfile.sha256).toBe(sha256(readFileSync(join(ROOT, 'package-lock.json'))));
    expect(provenance.node.major).toBe(Number(process.versions.node.split('.')[0]));
    // the last commit that changed the code (a rebuild at the release's record commit sees the same), or null if the code is uncommitted
    const dirty = git(['status', '--porcelain', '--', 'pipeline', 'bin', 'tsconfig.json']).trim();
    expect(provenance.pipeline.commit).toBe(
      dirty ? null : git(['log', '-1', '--format=%H', '--', 'pipeline', 'bin', 'tsconfig.json']).trim(),
    );
  });

  it('both are resources of datapackage.json and lines of SHA256SUMS', () => {
    const resources = read('datapackage.json').resources.map((r: { path: string }) => r.path);
    const sums = readFileSync(join(first, 'SHA256SUMS'), 'utf8');
    for (const file of ['sbom.cdx.json', 'provenance.json']) {
      expect(resources).toContain(file);
      expect(sums).toContain(`${sha256(readFileSync(join(first, file)))}  ${file}`);
    }
  });

  it(
    'verify-release refuses a release without its SBOM or with a provenance that disagrees with its manifest',
    () => {
      const dir = join(tempDir(), VERSION);
      cpSync(first, dir, { recursive: true });
      expect(checkReleaseIntegrity(dir).problems).toEqual([]);
      const provenance = JSON.parse(readFileSync(join(dir, 'provenance.json'), 'utf8'));
      writeFileSync(
        join(dir, 'provenance.json'),
        JSON.stringify({ ...provenance, source: { ...provenance.source, sha256: '0'.repeat(64) } }),
      );
      rmSync(join(dir, 'sbom.cdx.json'));
      const paths = checkReleaseIntegrity(dir).problems.map((p) => `${p.path}: ${p.message}`);
      expect(paths).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^sbom\.cdx\.json: missing or not JSON/),
          expect.stringMatching(/^provenance\.json: its source sha256/),
        ]),
      );
    },
    BUILDS_MS,
  );
});
