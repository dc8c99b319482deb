#!/usr/bin/env node
// The CLI as an ES module bundle, split at each command (scripts/bundle.mjs); `check` alone has a
// bundle of its own too (check-main.ts), which the bin loads with a V8 code cache.
import { runCli } from './cli.js';
import { processIO } from './io.js';
import { loadCommand } from './loaders.js';

runCli(process.argv.slice(2), processIO(), loadCommand).then((code) => {
  process.exitCode = code;
});
