import { EXIT, PipelineError } from '../../errors.js';
import { reproduceRecordedReleases } from '../../orchestrate/reproduce.js';
import type { Command } from '../command.js';
import { PIPELINE } from '../../lib/package.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'rebuild every recorded release and check it against releases/<version>.json',
  help: `Usage: kzpp verify [VERSION...] [--mirror DIR] [--json]

Rebuilds each release recorded in releases/ from its source, oldest first,
into a scratch directory, and compares every file's sha256 with the record.
The current version is built with the current code; an older one with the
code of the commit that last changed its record (a git worktree; needs the
full history). Fails (exit 5) on any difference, listing each file.
Given VERSIONs, rebuilds only those (each diffed against the release before
it as recorded): the release just recorded, checked in seconds.

Examples:
  npx kzpp verify
  npx kzpp verify ${PIPELINE.version}`,
  options: { mirror: { type: 'string' } },
  async run({ values, positionals }, io) {
    const results = await reproduceRecordedReleases({ mirror: values.mirror as string | undefined, versions: positionals });
    if (!results.length) throw new PipelineError('no release recorded in releases/', EXIT.validation, { file: 'releases' });
    if (io.json) io.out(`${JSON.stringify(results)}\n`);
    for (const r of results) {
      io.err(`${r.version} (${r.how}): ${r.problems.length ? `${r.problems.length} differences` : 'identical'}\n`);
      for (const p of r.problems) io.err(`  ${p}\n`);
    }
    const failed = results.filter((r) => r.problems.length);
    if (failed.length)
      throw new PipelineError(`releases differ from their records: ${failed.map((r) => r.version).join(', ')}`, EXIT.validation);
    return EXIT.ok;
  },
};
