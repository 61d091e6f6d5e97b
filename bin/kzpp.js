#!/usr/bin/env node
// Runs the CLI, compiled and bundled by `npm run build` (which `npm ci` runs as "prepare"): the modules every
// command needs in one file, which loads ~0.3 s faster than ~500 modules; the site, HTML and PDF readers and
// the writers of the heavier formats in chunks beside it, loaded only when their output is written.
// KZPP_V8_FLAGS: V8 flags for this run, set before any of the program loads (Node refuses most V8 flags in
// NODE_OPTIONS). The tests run every CLI process with "--max-opt=1" (docs/performance.md).
import { setFlagsFromString } from 'node:v8';

if (process.env.KZPP_V8_FLAGS) setFlagsFromString(process.env.KZPP_V8_FLAGS);
await import('../build/cli/kzpp.mjs');
