#!/usr/bin/env node
// The package's bin, bundled as CommonJS (scripts/bundle.mjs): it paints the cached course map before
// Node starts its ES module loader, then hands over to the CLI proper (main.ts, an ES module) — or,
// for `check`, runs the check bundle (check-main.ts) with a V8 code cache.
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { progressPath } from '../course/progress.js';
import { leaveEarlyFrame, paintEarlyFrame } from './early-frame.js';

/** Set by scripts/bundle.mjs: the package version and a hash of check.cjs, which key its code cache. */
declare const CHECK_BUNDLE_KEY: string;

const here = dirname(fileURLToPath(import.meta.url));

// Node 22.1+ can keep V8's compiled code between runs (in the OS temp folder); Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
if (process.argv[2] === 'check') void runCheck();
else startCli();

function startCli(): void {
  // Only a plain `k8s-workloads-course` opens the course; other commands are not kept waiting.
  if (process.argv.length === 2) {
    try {
      paintEarlyFrame({ stdin: process.stdin, stdout: process.stdout, env: process.env, cwd: process.cwd() });
    } catch {
      // Only speed is lost: the course paints its first frame itself.
    }
  }
  import('./main.js').catch(cannotStart);
}

/**
 * `check` from its own bundle; its code cache lives beside the learner's progress. code-cache.ts is
 * imported here, not at the top, so that other commands and the early frame do not load vm and zlib.
 */
async function runCheck(): Promise<void> {
  let bundle;
  try {
    const cacheFile = join(dirname(progressPath({ env: process.env })), 'code-cache', `check-${CHECK_BUNDLE_KEY}-${process.version}-${process.arch}.bin`);
    const { loadWithCodeCache } = await import('./code-cache.js');
    bundle = loadWithCodeCache<typeof import('./check-main.js')>(join(here, 'check.cjs'), cacheFile);
  } catch (err) {
    return cannotStart(err);
  }
  const { exports, save } = bundle;
  void exports.runCheck(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    save();
  });
}

function cannotStart(err: unknown): void {
  // A broken install (a missing file): say so on the normal screen, not inside the cached frame.
  leaveEarlyFrame();
  process.stderr.write(`k8s-workloads-course: cannot start (${err instanceof Error ? err.message : String(err)}); reinstall the package\n`);
  process.exitCode = 1;
}
