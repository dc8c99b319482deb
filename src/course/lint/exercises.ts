/**
 * Lint of an exercise by running it: the reference solution must pass every check, the starter must
 * not, every check's field paths must exist on the kind it selects, and mutants of the solution (one
 * essential field changed or removed) must each fail at least one check.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { checkManifestAgainst } from '../exercise.js';
import type { Check, CheckResult, Comparator, Exercise, Problem, Selection } from '../types.js';
import { checkFieldPath } from './field-paths.js';
import { mutants } from './mutate.js';

export interface ExerciseLintStats {
  mutants: number;
  survived: number;
}

export function lintExercise(root: string, exercise: Exercise, maxMutants: number): { problems: Problem[]; stats: ExerciseLintStats } {
  const rel = (abs: string) => relative(root, abs).split(sep).join('/');
  const problems: Problem[] = [...lintCheckFields(exercise)];
  const solutionFile = rel(exercise.solution);
  const starterFile = rel(exercise.starter);
  const solution = readFileSync(exercise.solution, 'utf8');
  const starter = readFileSync(exercise.starter, 'utf8');
  const stats = { mutants: 0, survived: 0 };

  const passed = checkManifestAgainst(exercise, solution, solutionFile);
  if (passed.status !== 'passed') {
    problems.push(...solutionProblems(passed, solutionFile));
    return { problems, stats };
  }
  // Steps the scenario could not do with the reference solution (validator advice is not lint's business).
  for (const p of passed.problems.filter((x) => x.rule === 'scenario-step')) problems.push({ ...p, file: checksFile(exercise, root), message: `with the reference solution, a scenario step did nothing: ${p.message}` });

  const started = checkManifestAgainst(exercise, starter, starterFile);
  if (started.status === 'passed') problems.push({ severity: 'error', rule: 'starter-passes', file: starterFile, line: 1, message: 'the starter already passes every check: learners would have nothing to do', hint: 'Leave out or get wrong what the task asks for, so that at least one check fails.' });
  if (started.status === 'error') problems.push({ severity: 'error', rule: 'scenario', file: starterFile, line: 1, message: `the exercise's scenario cannot run with the starter: ${started.problems.map((p) => p.message).join('; ')}` });

  for (const m of mutants(solution, starter, maxMutants)) {
    const result = checkManifestAgainst(exercise, m.text, solutionFile);
    // A mutant the validator refuses tells nothing about the checks.
    if (result.status === 'invalid' || result.status === 'error') continue;
    stats.mutants++;
    if (result.status !== 'passed') continue;
    stats.survived++;
    problems.push({
      severity: 'warning',
      rule: 'lenient-checks',
      file: solutionFile,
      line: m.line,
      message: `with ${m.description}, the solution still passes every check: the checks may be too lenient`,
      hint: 'Add or tighten a check so that getting this field wrong fails, or ignore this if the field does not matter to the task.',
    });
  }
  return { problems, stats };
}

function checksFile(exercise: Exercise, root: string): string {
  return relative(root, exercise.dir).split(sep).join('/') + '/exercise.yaml';
}

function solutionProblems(result: CheckResult, file: string): Problem[] {
  if (result.status === 'invalid') {
    return result.problems.filter((p) => p.severity === 'error').map((p) => ({ ...p, file, rule: 'solution-invalid', message: `the reference solution does not validate: ${p.message}` }));
  }
  if (result.status === 'error') {
    return [{ severity: 'error', rule: 'scenario', file, line: 1, message: `the exercise's scenario cannot run: ${result.problems.map((p) => p.message).join('; ')}` }];
  }
  return result.checks
    .filter((c) => !c.passed)
    .map((c) => ({
      severity: 'error' as const,
      rule: 'solution-fails',
      file: c.source.file,
      ...(c.source.line !== undefined ? { line: c.source.line } : {}),
      message: `the reference solution (${file}) fails the check "${c.title}": expected ${c.expected}; observed ${c.observed}`,
      hint: 'Fix the check or the solution: the reference solution must pass every check.',
    }));
}

/** Field paths in `where`, `fields` and order states must exist on the selected kind. */
export function lintCheckFields(exercise: Exercise): Problem[] {
  const problems: Problem[] = [];
  exercise.checks.forEach((check) => {
    for (const [kind, path] of checkPaths(check)) {
      const verdict = checkFieldPath(kind, path);
      if (verdict) problems.push({ severity: verdict.severity, rule: 'check-field', file: check.source.file, ...(check.source.line !== undefined ? { line: check.source.line } : {}), message: `check "${check.title}": ${verdict.message}` });
    }
  });
  return problems;
}

export function selectionPaths(sel: Selection): [string, string][] {
  return Object.keys(sel.where ?? {}).map((k) => [sel.kind, k]);
}

function checkPaths(check: Check): [string, string][] {
  const out: [string, string][] = check.select ? selectionPaths(check.select) : [];
  const e = check.expect;
  if (e.type === 'fields' && check.select) for (const k of Object.keys(e.fields)) out.push([check.select.kind, k]);
  if (e.type === 'order') {
    for (const step of e.steps) {
      out.push(...selectionPaths(step.select));
      if (typeof step.state === 'object') for (const k of Object.keys(step.state.where as Record<string, Comparator>)) out.push([step.select.kind, k]);
    }
  }
  return out;
}
