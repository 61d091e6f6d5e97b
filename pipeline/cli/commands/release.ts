import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, PipelineError } from '../../errors.js';
import { claimDist } from '../../publish/output.js';
import { FORMATS, formatChoices, isFormat } from '../../parse/formats.js';
import { writeRecord } from '../../history/records.js';
import { loadIdentity, saveLedger } from '../../identity/ledger.js';
import { build } from '../../orchestrate/build.js';
import { ownPath } from '../../lib/project.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';
import { printDiagnostics } from '../print.js';

export const releaseCommand: Command = {
  name: 'release',
  summary: 'build the release and record it: releases/<version>.json, CHANGELOG.md, identity ledger',
  help: `Usage: kzpp release [--source ID] [--format ${FORMATS.join('|')}] [--mirror DIR] [--dist DIR] [--force] [--json]

Builds dist/<version>/ like "kzpp build" (with its diff against the previous
release and its changelog), then writes what gets committed with it:
releases/<version>.json (each file's sha256), CHANGELOG.md (the release's
changelog) and identity/ledger.json (ids of people published for the first
time). A version already recorded with other files is refused (exit 6).

Example:
  npx kzpp release --source ${DEFAULT_SOURCE}`,
  options: {
    source: { type: 'string' },
    format: { type: 'string' },
    mirror: { type: 'string' },
    dist: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run({ values }, io) {
    const format = values.format;
    if (format !== undefined && !isFormat(format)) throw new PipelineError(`--format must be ${formatChoices()}`, EXIT.usage);
    claimDist((values.dist as string | undefined) ?? 'dist', Boolean(values.force));
    const identity = loadIdentity();
    const result = await build({
      sourceId: (values.source as string | undefined) ?? DEFAULT_SOURCE,
      format,
      mirror: values.mirror as string | undefined,
      dist: values.dist as string | undefined,
      identity,
    });
    printDiagnostics(io, result.doc.file, result.diagnostics);
    const record = writeRecord(result.dir);
    saveLedger(identity);
    copyFileSync(join(result.dir, 'CHANGELOG.md'), ownPath('CHANGELOG.md'));
    const outcome = { version: result.version, dir: result.dir, build: result.outcome, record: record.outcome, file: record.file };
    if (io.json) io.out(`${JSON.stringify(outcome)}\n`);
    else
      io.err(`${result.outcome} ${result.dir}; ${record.outcome} ${record.file}; commit releases/, CHANGELOG.md and identity/ together\n`);
    return EXIT.ok;
  },
};
