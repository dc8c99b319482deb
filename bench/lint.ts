// Lint of the whole built-in pack (9 lessons, every solution, starter, predict question and mutant),
// in a fresh process as an instructor runs it: `k8s-workloads-course lint`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, report } from './_stats.js';

const cli = fileURLToPath(new URL('../bin/k8s-workloads-course.cjs', import.meta.url));

export async function run(): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, [cli, 'lint'], { encoding: 'utf8' });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`lint of the built-in lessons failed:\n${r.stdout}${r.stderr}`);
  }
  report('lint of the built-in lessons (fresh process, mutants included)', median(times) / 1000, 's', '< 5 s on 2 idle cores');
}
