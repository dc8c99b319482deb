// `check` as a CommonJS bundle of its own (scripts/bundle.mjs): the bin runs it through a V8 code
// cache (code-cache.ts), as Node 20 keeps no compiled code between runs and `check`'s start-up is
// mostly compiling and first running this code. It is the same command as in the ES module CLI.
import { runCli } from './cli.js';
import { processIO } from './io.js';

/** Runs `k8s-workloads-course check …` (`argv` starts with 'check') to its exit code. */
export function runCheck(argv: string[]): Promise<number> {
  return runCli(argv, processIO(), async (name) => {
    if (name !== 'check') throw new Error(`the check bundle cannot run '${name}'`);
    return import('./commands/check.js');
  });
}
