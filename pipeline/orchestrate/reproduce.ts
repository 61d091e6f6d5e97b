/**
 * Reproducing the recorded releases (`kzpp verify`, `make verify`): rebuild
 * every release recorded in releases/ from its source and compare it, file by
 * file, with its record. Not verify-release, which checks one downloaded
 * release against its own SHA256SUMS (publish/integrity.ts). Releases are rebuilt oldest first into
 * one scratch dist, so each finds the release before it for its diff. The
 * current version is built with the current code; older ones at the commit
 * that last changed their record. Given versions, only those are rebuilt, each
 * diffed against its predecessor as recorded.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Format } from '../parse/formats.js';
import { PIPELINE } from '../lib/package.js';
import { build } from './build.js';
import { commitOf, compareWithRecord, readRecord, recordedVersions, recordPath, RELEASES_DIR } from '../history/records.js';
import { rebuildAtCommit } from '../history/rebuild.js';
import { ensurePrevious } from '../history/index.js';
import { EXIT, PipelineError } from '../errors.js';
import { ownPath } from '../lib/project.js';

/** How one recorded release was rebuilt, and every way it differs from its record. */
export interface ReproducedRelease {
  version: string;
  how: string;
  problems: string[];
}

/** The recorded versions to rebuild: all of them, or those asked for (each must be recorded). */
function selected(recorded: string[], versions: readonly string[] | undefined, dir: string): Set<string> {
  for (const v of versions ?? [])
    if (!recorded.includes(v))
      throw new PipelineError(`no release ${v} is recorded (recorded: ${recorded.join(', ') || 'none'})`, EXIT.usage, {
        file: dir,
      });
  return new Set(versions?.length ? versions : recorded);
}

export async function reproduceRecordedReleases(
  opts: { mirror?: string; releases?: string; changelog?: string; versions?: readonly string[] } = {},
): Promise<ReproducedRelease[]> {
  const dir = opts.releases ?? RELEASES_DIR;
  const recorded = recordedVersions(dir);
  const wanted = selected(recorded, opts.versions, dir);
  const dist = mkdtempSync(join(tmpdir(), 'kzpp-reproduce-'));
  const results: ReproducedRelease[] = [];
  try {
    for (const version of recorded.filter((v) => wanted.has(v))) {
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
        // a release asked for alone is diffed against its predecessor as recorded (verified, build/releases/)
        ensurePrevious(dist, version);
        rebuildAtCommit(commit, record, dist, opts.mirror);
      }
      results.push({ version, how, problems: compareWithRecord(record, join(dist, version)) });
    }
    // CHANGELOG.md is the latest release's: checked when that release was rebuilt
    const latest = results.at(-1)?.version === recorded.at(-1) ? results.at(-1) : undefined;
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
