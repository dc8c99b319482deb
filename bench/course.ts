import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { builtinPackDir, checkManifestAgainst, loadPack, type Exercise } from '../src/course/index.js';
import { median, medianMs, report } from './_stats.js';

/**
 * `check` of a typical exercise (the built-in pack's first one, its reference solution): the whole
 * process from spawn to verdict, against a bare `node -e 0` measured interleaved; and in-process, the
 * check itself (validate + simulate + evaluate) and the pack loading that precedes it. The warm-up run
 * leaves the check bundle's code cache in the course home, as a learner's first check does; the very
 * first check (no cache yet, each in a fresh home) is reported beside it.
 */
const CLI = fileURLToPath(new URL('../bin/k8s-workloads-course.cjs', import.meta.url));
const RUNS = 15;
const FIRST_RUNS = 5;

function wall(args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env, cwd, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (args[0] === CLI && r.status !== 0) throw new Error(`check did not pass (exit ${r.status}): ${r.stdout}${r.stderr}`);
  return ms;
}

export async function run(): Promise<void> {
  const pack = loadPack(builtinPackDir(), { builtin: true, scope: 'exercises' });
  const exercise: Exercise | undefined = pack.lessons.flatMap((l) => l.exercises)[0];
  if (!exercise) throw new Error('the built-in pack has no exercise');
  const text = readFileSync(exercise.solution, 'utf8');
  console.log(`  exercise: ${exercise.id} (${exercise.checks.length} checks, reference solution)`);

  const dir = mkdtempSync(join(tmpdir(), 'k8s-course-bench-'));
  try {
    const env = { ...process.env, K8S_COURSE_HOME: join(dir, 'home'), NO_COLOR: '1' };
    const args = [CLI, 'check', exercise.solution, '--exercise', exercise.id];
    const cli: number[] = [];
    const bare: number[] = [];
    wall(args, env, dir);
    for (let i = 0; i < RUNS; i++) {
      cli.push(wall(args, env, dir));
      bare.push(wall(['-e', '0'], env, dir));
    }
    const first: number[] = [];
    for (let i = 0; i < FIRST_RUNS; i++) first.push(wall(args, { ...env, K8S_COURSE_HOME: join(dir, `first-${i}`) }, dir));
    report('check: process start → verdict (median)', median(cli), 'ms', '≤ 150 ms');
    report('bare `node -e 0` on this machine (median, for scale)', median(bare), 'ms');
    report("check's first run, no code cache yet (median)", median(first), 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  report('check in process: validate + simulate + evaluate (median)', await medianMs(() => checkManifestAgainst(exercise, text, 'solution.yaml'), 30, 3), 'ms', '≤ 20 ms');
  report('load only the checked exercise of the built-in pack (as check does)', await medianMs(() => loadPack(builtinPackDir(), { builtin: true, scope: { exercise: exercise.id } }), 10, 2), 'ms');
  report("load the built-in pack, scope 'exercises'", await medianMs(() => loadPack(builtinPackDir(), { builtin: true, scope: 'exercises' }), 5, 1), 'ms');
  report('load the built-in pack in full (quizzes, scenarios validated)', await medianMs(() => loadPack(builtinPackDir(), { builtin: true }), 5, 1), 'ms');
}
