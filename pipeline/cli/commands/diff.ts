import { EXIT, PipelineError } from '../../errors.js';
import { writeDiff } from '../../diff/index.js';
import { diffPaths } from '../../orchestrate/sides.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'what changed between two releases or two editions, record by record',
  help: `Usage: kzpp diff FROM TO --out DIR [--json]

FROM and TO are each a release directory (dist/<version>/) or a source document
(.md or .pdf in the report's format, extracted on the fly). Writes into DIR:
diff.json, diff.ndjson, DIFF.md (for a reader) and changes.csv (one row per
changed field). Changes of number, text and source (the place in the document)
are reported apart from substantive changes; schema changes are listed on their own.

Example:
  npx kzpp diff ../shared/sources/${DEFAULT_SOURCE}/report.md dist/1.0.0 --out out/diff`,
  options: { out: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [from, to] = positionals;
    const out = values.out as string | undefined;
    if (!from || !to || !out || positionals.length > 2) throw new PipelineError('diff needs FROM, TO and --out DIR (see kzpp diff --help)', EXIT.usage);
    const diff = await diffPaths(from, to);
    writeDiff(out, diff);
    const counts = Object.fromEntries(Object.entries(diff.tables).map(([t, d]) => [t, d.counts]));
    if (io.json) io.out(`${JSON.stringify({ out, bump: diff.bump, schema: diff.schema.length, counts })}\n`);
    else {
      const line = Object.entries(counts).map(([t, c]) => `${t}: +${c.added} -${c.removed} ~${c.changed} (${c.repositioned} moved only)`).join(', ');
      io.err(`wrote ${out}: ${line}; ${diff.schema.length} schema changes; bump: ${diff.bump}\n`);
    }
    return EXIT.ok;
  },
};
