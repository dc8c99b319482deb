/**
 * `lint`: everything that can be wrong with a lesson pack, as lint-style problems (file:line, what,
 * how to fix). It reads the pack the way the course does (readPack), then goes further: it runs every
 * reference solution, starter, predict question and mutant of a solution on the simulation.
 *
 *   const report = await lintPack(dir, { builtin: false });
 *   report.problems.map(formatProblem)
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readPack } from '../pack/load.js';
import type { Lesson, Pack, Problem } from '../types.js';
import { lintFiles } from './files.js';
import { lintMarkdown } from './markdown.js';
import type { LintJob } from './jobs.js';
import { startPool, type Pool } from './pool.js';
import { lintExamples } from './quiz.js';

export { checkFieldPath } from './field-paths.js';
export { mutants, type Mutant } from './mutate.js';

export interface LintOptions {
  builtin?: boolean;
  /** Most mutants tried per exercise (0: no mutation check). */
  maxMutants?: number;
}

export interface LintReport {
  /** Real path of the pack root; problem files are relative to it. */
  dir: string;
  problems: Problem[];
  stats: { lessons: number; exercises: number; questions: number; mutants: number; survivedMutants: number };
}

/** A handful of mutants per exercise keeps a whole pack's lint within seconds. */
export const DEFAULT_MAX_MUTANTS = 6;

export async function lintPack(dir: string, opts: LintOptions = {}): Promise<LintReport> {
  const pool = startPool();
  try {
    return await lintWith(pool, dir, opts);
  } finally {
    await pool.close();
  }
}

async function lintWith(pool: Pool, dir: string, opts: LintOptions): Promise<LintReport> {
  const { pack, problems } = readPack(dir, { builtin: opts.builtin ?? false });
  const stats = { lessons: pack.lessons.length, exercises: 0, questions: 0, mutants: 0, survivedMutants: 0 };
  const report = (): LintReport => ({ dir: pack.dir, problems: sortProblems(dedupe(problems)), stats });
  if (problems.some((p) => p.file === dir && p.severity === 'error') && pack.lessons.length === 0) return report();
  problems.push(...lintFiles(pack.dir));
  problems.push(...lintOrdering(pack));
  const ids = pack.lessons.map((l) => l.id);
  const jobs: LintJob[] = [];
  for (const lesson of pack.lessons) {
    if (lesson.quiz) jobs.push({ kind: 'quiz', file: `${lesson.folder}/quiz.yaml`, lesson });
    stats.questions += lesson.quiz?.questions.length ?? 0;
    for (const exercise of lesson.exercises) {
      stats.exercises++;
      // An exercise the loader already found broken would only fail again, less clearly.
      const folder = relative(pack.dir, exercise.dir).split(sep).join('/') + '/';
      if (problems.some((p) => p.severity === 'error' && p.file.startsWith(folder))) continue;
      jobs.push({ kind: 'exercise', root: pack.dir, file: folder + 'exercise.yaml', exercise, maxMutants: opts.maxMutants ?? DEFAULT_MAX_MUTANTS });
    }
  }
  // Simulations run on the workers while this thread renders and checks the text.
  const running = pool.run(jobs);
  for (const lesson of pack.lessons) {
    problems.push(...(await lintLessonText(pack, lesson, ids)));
    problems.push(...lintExamples(pack.dir, lesson));
  }
  for (const r of await running) {
    problems.push(...r.problems);
    stats.mutants += r.mutants;
    stats.survivedMutants += r.survived;
  }
  return report();
}

async function lintLessonText(pack: Pack, lesson: Lesson, lessonIds: string[]): Promise<Problem[]> {
  const file = `${lesson.folder}/lesson.md`;
  const out = await lintMarkdown({ file, text: lesson.markdown, line: lesson.bodyLine, lessonIds });
  for (const exercise of lesson.exercises) {
    const exFile = relative(pack.dir, join(exercise.dir, 'exercise.yaml')).split(sep).join('/');
    const taskLine = taskLineOf(join(exercise.dir, 'exercise.yaml'));
    out.push(...(await lintMarkdown({ file: exFile, text: exercise.task, line: taskLine, lessonIds })));
  }
  return out;
}

/** 1-based line where a block `task: |` starts its text (1 when written otherwise). */
function taskLineOf(path: string): number {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const i = lines.findIndex((l) => /^task:/.test(l));
  if (i < 0) return 1;
  return /^task:\s*[|>]/.test(lines[i]!) ? i + 2 : i + 1;
}

/** Two lessons (or two exercises of a lesson) with the same numeric prefix have no intended order. */
function lintOrdering(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const clash = (names: string[], where: (n: string) => string, what: string) => {
    const seen = new Map<number, string>();
    for (const name of names) {
      const prefix = Number(/^\d+/.exec(name)?.[0]);
      const prev = seen.get(prefix);
      if (prev !== undefined) problems.push({ severity: 'warning', rule: 'ordering', file: where(name), message: `${what} '${name}' has the same number as '${prev}'; give each its own number so the order is intended` });
      else seen.set(prefix, name);
    }
  };
  clash(pack.lessons.map((l) => l.folder), (n) => `${n}/`, 'lesson folder');
  for (const lesson of pack.lessons) {
    const folders = lesson.exercises.map((e) => e.dir.split(/[\\/]/).pop()!);
    clash(folders, (n) => `${lesson.folder}/exercises/${n}/`, 'exercise folder');
  }
  return problems;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}|${p.file}|${p.line}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
