#!/usr/bin/env node
// Runs the CLI, compiled and bundled by `npm run build` (which `npm ci` runs as "prepare"): the modules every
// command needs in one file, which loads ~0.3 s faster than ~500 modules; the site, HTML and PDF readers and
// the writers of the heavier formats in chunks beside it, loaded only when their output is written.
import '../build/cli/kzpp.mjs';
