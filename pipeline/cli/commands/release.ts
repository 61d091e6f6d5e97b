import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../errors.js';
import { writeRecord } from '../../history/records.js';
import { loadIdentity, saveLedger } from '../../identity/ledger.js';
import { build } from '../../orchestrate/build.js';
import { ownPath } from '../../lib/project.js';
import { type Command, DEFAULT_SOURCE } from '../command.js';
import { printDiagnostics } from '../print.js';
import { BUILD_OPTIONS, BUILD_USAGE, buildRequest } from '../build-request.js';

export const releaseCommand: Command = {
  name: 'release',
  summary: 'build the release and record it: releases/<version>.json, CHANGELOG.md, identity ledger',
  help: `Usage: kzpp release ${BUILD_USAGE}

Builds dist/<version>/ like "kzpp build" (with its diff against the previous
release and its changelog), then writes what gets committed with it:
releases/<version>.json (each file's sha256), CHANGELOG.md (the release's
changelog) and identity/ledger.json (ids of people published for the first
time). A version already recorded with other files is refused (exit 6).

Example:
  npx kzpp release --source ${DEFAULT_SOURCE}`,
  options: BUILD_OPTIONS,
  async run({ values }, io) {
    const request = buildRequest(values);
    const identity = loadIdentity();
    const result = await build({
      ...request,
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
