/**
 * A release's integrity (`kzpp verify-release`, and the first check of
 * `kzpp validate DIR`): a downloaded release against its own SHA256SUMS and
 * datapackage.json, every listed file present with its bytes and hash, nothing
 * unlisted. Not `kzpp verify`, which rebuilds recorded releases (orchestrate/reproduce.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../lib/hash.js';
import { checkBuildRecords } from './buildinfo.js';
import { CHECKSUMS_FILE, parseChecksums } from './checksums.js';
import { DATAPACKAGE_FILE } from './datapackage.js';
import { listFiles } from '../lib/files.js';

export interface Problem {
  path: string;
  message: string;
}

const readIfFile = (path: string) => (existsSync(path) && statSync(path).isFile() ? readFileSync(path) : null);

function checkChecksums(dir: string, present: Set<string>): Problem[] {
  const text = readIfFile(join(dir, CHECKSUMS_FILE));
  if (!text) return [{ path: CHECKSUMS_FILE, message: 'missing: not a release, or an incomplete download' }];
  const { entries, malformed } = parseChecksums(text.toString('utf8'));
  const problems: Problem[] = malformed.map((line) => ({ path: `${CHECKSUMS_FILE}:line ${line}`, message: 'not "<sha256>  <path>"' }));
  for (const { path, sha256: expected } of entries) {
    const bytes = readIfFile(join(dir, path));
    if (!bytes) problems.push({ path, message: 'listed in SHA256SUMS but missing' });
    else if (sha256(bytes) !== expected) problems.push({ path, message: `sha256 ${sha256(bytes)}, SHA256SUMS says ${expected}` });
  }
  const listed = new Set(entries.map((e) => e.path));
  for (const path of present)
    if (path !== CHECKSUMS_FILE && !listed.has(path)) problems.push({ path, message: 'not listed in SHA256SUMS' });
  return problems;
}

function checkDatapackage(dir: string, present: Set<string>): Problem[] {
  const text = readIfFile(join(dir, DATAPACKAGE_FILE));
  if (!text) return [{ path: DATAPACKAGE_FILE, message: 'missing' }];
  let resources: Array<{ path?: string; bytes?: number; hash?: string }>;
  try {
    resources = (JSON.parse(text.toString('utf8')) as { resources?: typeof resources }).resources ?? [];
  } catch (e) {
    return [{ path: DATAPACKAGE_FILE, message: `invalid JSON (${(e as Error).message})` }];
  }
  const problems: Problem[] = [];
  for (const r of resources) {
    const path = String(r.path);
    const bytes = readIfFile(join(dir, path));
    if (!bytes) problems.push({ path, message: 'a resource of datapackage.json but missing' });
    else if (r.bytes !== undefined && r.bytes !== bytes.length)
      problems.push({ path, message: `${bytes.length} bytes, datapackage.json says ${r.bytes}` });
    else if (r.hash !== undefined && r.hash !== `sha256:${sha256(bytes)}`)
      problems.push({ path, message: `hash sha256:${sha256(bytes)}, datapackage.json says ${r.hash}` });
  }
  const described = new Set(resources.map((r) => r.path));
  for (const path of present)
    if (path !== DATAPACKAGE_FILE && !described.has(path)) problems.push({ path, message: 'not a resource of datapackage.json' });
  return problems;
}

/** Problems of a release directory; none means it is complete and intact. */
export function checkReleaseIntegrity(dir: string): { files: number; problems: Problem[] } {
  const present = new Set(listFiles(dir));
  const problems = [...checkChecksums(dir, present), ...checkDatapackage(dir, present), ...checkBuildRecords(dir)];
  const unique = new Map(problems.map((p) => [`${p.path}\0${p.message}`, p]));
  return { files: present.size, problems: [...unique.values()] };
}
