/**
 * Reproducing the recorded releases (`kzpp verify`, `make verify`): rebuild
 * every release recorded in releases/ from its source and compare it, file by
 * file, with its record. Not verify-release, which checks one downloaded
 * release against its own SHA256SUMS (publish/integrity.ts). Releases are rebuilt oldest first into
 * one scratch dist, so each finds the release before it for its diff. The
 * current version is built with the current code; older ones at the commit
 * that last changed their record.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Format } from '../parse/formats.js';
import { PIPELINE } from '../lib/package.js';
import { build } from './build.js';
import { commitOf, compareWithRecord, readRecord, recordedVersions, recordPath, RELEASES_DIR } from '../history/records.js';
import { rebuildAtCommit } from '../history/rebuild.js';
import { ownPath } from '../lib/project.js';

/** How one recorded release was rebuilt, and every way it differs from its record. */
export interface ReproducedRelease {
  version: string;
  how: string;
  problems: string[];
}

export async function reproduceRecordedReleases(
  opts: { mirror?: string; releases?: string; changelog?: string } = {},
): Promise<ReproducedRelease[]> {
  const dir = opts.releases ?? RELEASES_DIR;
  const dist = mkdtempSync(join(tmpdir(), 'kzpp-reproduce-'));
  const results: ReproducedRelease[] = [];
  try {
    for (const version of recordedVersions(dir)) {
      const file = recordPath(version, dir);
      const record = readRecord(file);
      let how: string;
      if (version === PIPELINE.version) {
        how = 'current code';
        await build({ sourceId: record.source.id, format: record.source.format as Format, mirror: opts.mirror, dist });
      } else {
        const commit = commitOf(file);
        if (!commit) {
          results.push({ version, how: 'no commit', problems: [`${file}: not committed, so the code that built it is unknown`] });
          continue;
        }
        how = `commit ${commit.slice(0, 12)}`;
        rebuildAtCommit(commit, record, dist, opts.mirror);
      }
      results.push({ version, how, problems: compareWithRecord(record, join(dist, version)) });
    }
    const latest = results.at(-1);
    const changelog = opts.changelog ?? ownPath('CHANGELOG.md');
    if (latest) {
      const built = join(dist, latest.version, 'CHANGELOG.md');
      if (existsSync(built) && (!existsSync(changelog) || readFileSync(changelog, 'utf8') !== readFileSync(built, 'utf8'))) {
        latest.problems.push(`${changelog}: differs from the changelog of release ${latest.version} (run make release)`);
      }
    }
    return results;
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}
