// A sandbox for end-to-end runs of the built CLI: a temp cwd (the workspace goes there) and a temp
// K8S_COURSE_HOME (progress), with the sample pack selected by --lessons.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, runCli, type CliRun } from '../helpers/cli.js';

export const SAMPLE_PACK = join(import.meta.dirname, '../fixtures/packs/sample');

export interface Sandbox {
  cwd: string;
  home: string;
  workspace: string;
  run(args: string[], input?: string): CliRun;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'course-e2e-'));
  const cwd = join(root, 'work');
  const home = join(root, 'home');
  const env = { K8S_COURSE_HOME: home, K8S_COURSE_WORKSPACE: '' };
  mkdirSync(cwd, { recursive: true });
  return {
    cwd,
    home,
    workspace: join(cwd, 'k8s-workloads-course'),
    run: (args, input) => {
      return runCli([...args, '--lessons', SAMPLE_PACK], { cwd, env, ...(input !== undefined ? { input } : {}) });
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Starts the CLI in the background (for --watch); collects output until `waitFor` sees a pattern. */
export function startCli(sb: Sandbox, args: string[]) {
  const child = spawn(process.execPath, [cliPath, ...args, '--lessons', SAMPLE_PACK], { cwd: sb.cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, K8S_COURSE_HOME: sb.home } });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  return {
    child,
    output: () => out,
    async waitFor(pattern: RegExp, count = 1, timeoutMs = 45_000): Promise<void> {
      const start = Date.now();
      while ((out.match(new RegExp(pattern.source, 'g')) ?? []).length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern} (${count}); output:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
