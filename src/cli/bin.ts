#!/usr/bin/env node
// The package's bin, bundled as CommonJS (scripts/bundle.mjs): it paints the cached course map before
// Node starts its ES module loader, then hands over to the CLI proper (main.ts, an ES module).
import { paintEarlyFrame } from './early-frame.js';

paintEarlyFrame(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, env: process.env, cwd: process.cwd() });
void import('./main.js');
