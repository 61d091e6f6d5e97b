/** dist/index.json: every published version in semver order and the latest, rewritten atomically after each publish. */
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, isVersion } from './version.js';

export function writeIndex(dist: string): void {
  const versions = readdirSync(dist).filter(isVersion).sort(compareVersions);
  const index = { latest: versions.at(-1) ?? null, versions };
  writeFileSync(join(dist, '.index.json.tmp'), `${JSON.stringify(index, null, 2)}\n`);
  renameSync(join(dist, '.index.json.tmp'), join(dist, 'index.json'));
}
