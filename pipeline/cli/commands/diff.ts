import { PIPELINE } from '../../lib/package.js';
import { EXIT, PipelineError } from '../../errors.js';
import { writeDiff } from '../../diff/index.js';
import { diffPaths } from '../../orchestrate/sides.js';
import { DIFF_FILES } from '../../diff/render.js';
import { claimOutput, diffOutputOf } from '../../publish/output.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'what changed between two releases or two editions, record by record',
  help: `Usage: kzpp diff FROM TO --out DIR [--force] [--json]

FROM and TO are each a release directory (dist/<version>/) or a source document
(.md or .pdf in the report's format, extracted on the fly). Writes into DIR:
diff.json, diff.ndjson, DIFF.md (for a reader) and changes.csv (one row per
changed field). Keys never hold a line or a file name. A record only renumbered
is reported apart from substantive changes; one only read at other lines, page or
file is counted as moved, never listed; neither decides the bump beyond patch.
Schema changes are listed on their own. DIR is checked as for kzpp extract:
an earlier diff there is replaced whole, another non-empty DIR needs --force,
a published release is never written to (exit 6).

Example:
  npx kzpp diff ../shared/sources/${DEFAULT_SOURCE}/report.md dist/${PIPELINE.version} --out out/diff`,
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [from, to] = positionals;
    const out = values.out as string | undefined;
    if (!from || !to || !out || positionals.length > 2)
      throw new PipelineError('diff needs FROM, TO and --out DIR (see kzpp diff --help)', EXIT.usage);
    const mode = claimOutput(out, {
      option: '--out',
      force: Boolean(values.force),
      command: 'diff',
      isEarlierOutput: diffOutputOf(DIFF_FILES),
    });
    const diff = await diffPaths(from, to);
    writeDiff(out, diff, mode);
    const counts = Object.fromEntries(Object.entries(diff.tables).map(([t, d]) => [t, d.counts]));
    if (io.json) io.out(`${JSON.stringify({ out, bump: diff.bump, schema: diff.schema.length, counts })}\n`);
    else {
      const line = Object.entries(counts)
        .map(([t, c]) => `${t}: +${c.added} -${c.removed} ~${c.changed} (${c.repositioned} renumbered, ${c.moved} moved)`)
        .join(', ');
      io.err(`wrote ${out}: ${line}; ${diff.schema.length} schema changes; bump: ${diff.bump}\n`);
    }
    return EXIT.ok;
  },
};
