#!/usr/bin/env node
// The package's bin, bundled as CommonJS (scripts/bundle.mjs): it paints the cached course map before
// Node starts its ES module loader, then hands over to the CLI proper (main.ts, an ES module).
import module from 'node:module';
import { leaveEarlyFrame, paintEarlyFrame } from './early-frame.js';

// Node 22.1+ can keep V8's compiled code between runs (in the OS temp folder); Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// Only a plain `k8s-workloads-course` opens the course; other commands are not kept waiting.
if (process.argv.length === 2) {
  try {
    paintEarlyFrame({ stdin: process.stdin, stdout: process.stdout, env: process.env, cwd: process.cwd() });
  } catch {
    // Only speed is lost: the course paints its first frame itself.
  }
}
import('./main.js').catch((err: unknown) => {
  // A broken install (a missing file): say so on the normal screen, not inside the cached frame.
  leaveEarlyFrame();
  process.stderr.write(`k8s-workloads-course: cannot start (${err instanceof Error ? err.message : String(err)}); reinstall the package\n`);
  process.exitCode = 1;
});
