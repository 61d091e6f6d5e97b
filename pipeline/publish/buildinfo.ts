/**
 * What built a release: a CycloneDX SBOM of the pipeline's runtime
 * dependencies (from package-lock.json) and a provenance record (source,
 * pipeline version and commit, lock file, Node major version). Both are
 * byte-identical across rebuilds: no timestamps, no serial numbers, sorted.
 *
 * "The pipeline's commit" is the last commit that changed the pipeline's code
 * (CODE_PATHS), not HEAD: a release is built before its record is committed,
 * and `make verify` rebuilds it at the commit holding that record; both see the
 * same last code commit as long as the record's commit changes no code. Code
 * with uncommitted changes was built by no commit: the commit is null.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../lib/hash.js';
import { projectRoot } from '../lib/project.js';
import type { ReleaseMeta as FullMeta } from './types.js';

export const SBOM_FILE = 'sbom.cdx.json';
export const PROVENANCE_FILE = 'provenance.json';

/** What datapackage.json says of each. */
export const BUILD_RECORDS: Array<[string, string]> = [
  [
    SBOM_FILE,
    'Software bill of materials (CycloneDX 1.5 JSON): ' +
      'the runtime dependencies of the pipeline that built this release, with licence and hash.',
  ],
  [
    PROVENANCE_FILE,
    'Provenance: sha256 of the source, the pipeline version and the commit of its code, ' +
      'sha256 of package-lock.json, the Node major version.',
  ],
];

/** What "the pipeline's code" is for its commit: not package.json, whose version a release commit bumps. */
const CODE_PATHS = ['pipeline', 'bin', 'tsconfig.json'];

interface LockPackage {
  version?: string;
  integrity?: string;
  license?: string;
  dev?: boolean;
}

/** What the build records need of a release: its source and pipeline. */
type ReleaseMeta = Pick<FullMeta, 'source' | 'pipeline'>;

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

/** "sha512-<base64>" (npm's integrity) -> CycloneDX's { alg, content: hex }. */
function hashOf(integrity: string | undefined): Array<{ alg: string; content: string }> {
  const [alg, base64] = integrity?.split('-', 2) ?? [];
  if (!alg || !base64) return [];
  return [{ alg: alg.toUpperCase().replace(/^SHA/, 'SHA-'), content: Buffer.from(base64, 'base64').toString('hex') }];
}

/** The package name of a lock entry's path: "node_modules/a/node_modules/@s/b" -> "@s/b". */
const nameOfPath = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

function componentOf(path: string, pkg: LockPackage) {
  const name = nameOfPath(path);
  return {
    type: 'library',
    'bom-ref': `${path}@${pkg.version}`,
    name,
    version: pkg.version,
    purl: `pkg:npm/${name.replace('@', '%40')}@${pkg.version}`,
    ...(pkg.license ? { licenses: [{ expression: pkg.license }] } : {}),
    hashes: hashOf(pkg.integrity),
  };
}

export function renderSbom(lock: { packages?: Record<string, LockPackage> }, meta: ReleaseMeta): Buffer {
  const runtime = Object.entries(lock.packages ?? {}).filter(([path, pkg]) => path.startsWith('node_modules/') && !pkg.dev);
  runtime.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return json({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: {
      component: { type: 'application', 'bom-ref': meta.pipeline.name, name: meta.pipeline.name, version: meta.pipeline.version },
    },
    components: runtime.map(([path, pkg]) => componentOf(path, pkg)),
  });
}

let commit: { value: string | null } | undefined;

/** The last commit that changed the pipeline's code; null without git or with uncommitted code changes. Asked once a process. */
function codeCommit(root: string): string | null {
  if (commit) return commit.value;
  const git = (args: string[]) =>
    execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    commit = {
      value: git(['status', '--porcelain', '--', ...CODE_PATHS]) ? null : git(['log', '-1', '--format=%H', '--', ...CODE_PATHS]) || null,
    };
  } catch {
    commit = { value: null }; // not a git checkout (an installed package)
  }
  return commit.value;
}

export function renderProvenance(lockBytes: Buffer | null, meta: ReleaseMeta, root: string): Buffer {
  return json({
    source: { id: meta.source.id, file: meta.source.file, sha256: meta.source.sha256 },
    pipeline: { name: meta.pipeline.name, version: meta.pipeline.version, commit: codeCommit(root) },
    lockfile: { path: 'package-lock.json', sha256: lockBytes ? sha256(lockBytes) : null },
    node: { major: Number(process.versions.node.split('.')[0]) },
  });
}

/** sbom.cdx.json and provenance.json for a release of `meta`. */
export function buildRecords(meta: ReleaseMeta): Map<string, Buffer> {
  const root = projectRoot();
  const lockPath = join(root, 'package-lock.json');
  const lockBytes = existsSync(lockPath) ? readFileSync(lockPath) : null;
  const lock = lockBytes ? (JSON.parse(lockBytes.toString('utf8')) as { packages?: Record<string, LockPackage> }) : {};
  return new Map([
    [SBOM_FILE, renderSbom(lock, meta)],
    [PROVENANCE_FILE, renderProvenance(lockBytes, meta, root)],
  ]);
}

// biome-ignore lint/suspicious/noExplicitAny: a file of any shape read back to be checked field by field
const readJson = (path: string): Record<string, any> | null => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

/** Since 1.1.0 a release must say what built it. */
const carriesBuildRecords = (version: string | undefined) => /^\d+\.\d+\.\d+$/.test(version ?? '') && !/^(0\.|1\.0\.)/.test(version!);

/** make verify-release: the SBOM is CycloneDX with a hashed component per dependency; provenance agrees with manifest.json. */
export function checkBuildRecords(dir: string): Array<{ path: string; message: string }> {
  const manifest = readJson(join(dir, 'manifest.json'));
  if (!manifest || !carriesBuildRecords(manifest.pipeline?.version)) return [];
  const sbom = readJson(join(dir, SBOM_FILE));
  const provenance = readJson(join(dir, PROVENANCE_FILE));
  const problems: Array<{ path: string; message: string }> = [];
  if (!sbom) problems.push({ path: SBOM_FILE, message: 'missing or not JSON: a release since 1.1.0 carries its SBOM' });
  else if (sbom.bomFormat !== 'CycloneDX' || !Array.isArray(sbom.components))
    problems.push({ path: SBOM_FILE, message: 'not a CycloneDX BOM with components' });
  else {
    const components = sbom.components as Array<{ name?: string; version?: string; hashes?: unknown[] }>;
    const unhashed = components.filter((c) => !c.name || !c.version || !c.hashes?.length).map((c) => c.name);
    if (unhashed.length) problems.push({ path: SBOM_FILE, message: `components without name, version or hash: ${unhashed.join(', ')}` });
  }
  if (!provenance) problems.push({ path: PROVENANCE_FILE, message: 'missing or not JSON: a release since 1.1.0 carries its provenance' });
  else {
    if (provenance.source?.sha256 !== manifest.source?.sha256)
      problems.push({ path: PROVENANCE_FILE, message: "its source sha256 is not manifest.json's" });
    if (provenance.pipeline?.version !== manifest.pipeline?.version)
      problems.push({ path: PROVENANCE_FILE, message: "its pipeline version is not manifest.json's" });
    if (!/^[0-9a-f]{64}$/.test(provenance.lockfile?.sha256 ?? '') || !Number.isInteger(provenance.node?.major)) {
      problems.push({ path: PROVENANCE_FILE, message: 'no lock file sha256 or Node major version' });
    }
  }
  return problems;
}
