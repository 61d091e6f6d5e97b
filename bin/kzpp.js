#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` compiles it (the "prepare" script).
import '../build/pipeline/cli/main.js';
