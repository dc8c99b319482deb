/**
 * The expensive part of lint — simulations — as independent jobs, so a pool of worker threads can run
 * them side by side (src/course/lint/pool.ts). Jobs and results are plain data (structured-clonable).
 */
import type { Exercise, Lesson, Problem } from '../types.js';
import { lintExercise } from './exercises.js';
import { lintQuiz } from './quiz.js';

export type LintJob = { kind: 'exercise'; root: string; file: string; exercise: Exercise; maxMutants: number } | { kind: 'quiz'; file: string; lesson: Lesson };

export interface LintJobResult {
  problems: Problem[];
  mutants: number;
  survived: number;
}

/** Runs one job; a bug (or an unforeseen pack) gives a problem, never a stack trace. */
export function runJob(job: LintJob): LintJobResult {
  try {
    if (job.kind === 'quiz') return { problems: lintQuiz(job.lesson), mutants: 0, survived: 0 };
    const r = lintExercise(job.root, job.exercise, job.maxMutants);
    return { problems: r.problems, mutants: r.stats.mutants, survived: r.stats.survived };
  } catch (err) {
    return { problems: [{ severity: 'error', rule: 'internal', file: job.file, message: `lint could not run this: ${(err as Error).message}` }], mutants: 0, survived: 0 };
  }
}
