import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import { median, report } from './_stats.js';

/**
 * Time to the first frame of the full-screen course map, against a bare `node -e 'console.log(1)'`
 * showing its line — both the real process in a pseudo-terminal, timed from spawn to the text
 * appearing in the terminal's output, interleaved in the same run, medians reported.
 */
const CLI = fileURLToPath(new URL('../bin/k8s-workloads-course.cjs', import.meta.url));
const RUNS = 15;

function timeUntil(args: string[], marker: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const p = pty.spawn(process.execPath, args, { name: 'xterm-256color', cols: 100, rows: 30, env });
    let out = '';
    let seen: number | undefined;
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`no '${marker}' within 10 s; output: ${JSON.stringify(out.slice(-300))}`));
    }, 10_000);
    p.onData((d) => {
      out += d;
      if (seen === undefined && out.includes(marker)) {
        seen = performance.now() - start;
        // The course waits for keys: quit it the way a learner does.
        p.write('q');
      }
    });
    p.onExit(() => {
      clearTimeout(timer);
      if (seen === undefined) reject(new Error(`exited before '${marker}'; output: ${JSON.stringify(out.slice(-300))}`));
      else resolve(seen);
    });
  });
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-startup-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    TERM: 'xterm-256color',
    K8S_COURSE_HOME: join(dir, 'home'),
    K8S_COURSE_WORKSPACE: join(dir, 'ws'),
  };
  try {
    const bare: number[] = [];
    const version: number[] = [];
    const course: number[] = [];
    // One unmeasured run of each warms the file cache.
    await timeUntil(['-e', 'console.log(1)'], '1', env);
    await timeUntil([CLI], 'Continue:', env);
    for (let i = 0; i < RUNS; i++) {
      bare.push(await timeUntil(['-e', 'console.log(1)'], '1', env));
      version.push(await timeUntil([CLI, '--version'], '.', env));
      course.push(await timeUntil([CLI], 'Continue:', env));
    }
    const b = median(bare);
    const c = median(course);
    report("bare `node -e 'console.log(1)'` to its line (median)", b, 'ms');
    report('for reference: `k8s-workloads-course --version` (median)', median(version), 'ms');
    report('course map first frame, built-in lessons (median)', c, 'ms', `≤ ${(1.5 * b).toFixed(0)} ms = 1.5× bare`);
    report('ratio course / bare', c / b, '×', '≤ 1.5');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
