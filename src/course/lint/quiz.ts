/**
 * Lint of quizzes and lesson examples. Answer keys of single/multiple/order questions are checked by
 * the loader; here: duplicate choices (an ambiguous key), predict questions the runtime can answer
 * with exactly one matching choice, field paths in `ask`, and runnable examples.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { parseScenarioText } from '../../runtime/index.js';
import { loadManifestText } from '../../runtime/validate/index.js';
import { PredictError, predictAnswer, predictChoiceIndexes } from '../quiz.js';
import type { Lesson, Problem, Question } from '../types.js';
import { selectionPaths } from './exercises.js';
import { checkFieldPath } from './field-paths.js';

type Predict = Extract<Question, { type: 'predict' }>;

export function lintQuiz(lesson: Lesson): Problem[] {
  const problems: Problem[] = [];
  for (const q of lesson.quiz?.questions ?? []) {
    const at = { file: q.source.file, ...(q.source.line !== undefined ? { line: q.source.line } : {}) };
    if ((q.type === 'single' || q.type === 'multiple' || (q.type === 'predict' && q.choices)) && duplicates(q.choices ?? [])) {
      problems.push({ severity: 'error', rule: 'quiz-choices', ...at, message: `question '${q.id}' lists the same choice twice; the answer key would be ambiguous` });
    }
    if (q.type === 'predict') problems.push(...lintPredict(q, at));
  }
  return problems;
}

function duplicates(items: string[]): boolean {
  return new Set(items.map((c) => c.trim().toLowerCase())).size !== items.length;
}

function lintPredict(q: Predict, at: { file: string; line?: number }): Problem[] {
  const problems: Problem[] = [];
  const paths = selectionPaths(q.ask.select);
  if (q.ask.type === 'field') paths.push([q.ask.select.kind, q.ask.path]);
  for (const [kind, path] of paths) {
    const verdict = checkFieldPath(kind, path);
    if (verdict) problems.push({ severity: verdict.severity, rule: 'check-field', ...at, message: `question '${q.id}': ${verdict.message}` });
  }
  let display: string;
  try {
    display = predictAnswer(q).display;
  } catch (err) {
    if (!(err instanceof PredictError)) throw err;
    return [...problems, { severity: 'error', rule: 'predict', ...at, message: err.message, hint: 'The manifest must validate and the scenario must run: try them with k8s-workloads-course simulate.' }];
  }
  if (!q.choices) return problems;
  const matching = predictChoiceIndexes(q);
  if (matching.length === 0) problems.push({ severity: 'error', rule: 'predict-choices', ...at, message: `question '${q.id}': the runtime computes ${display}, which none of the choices (${q.choices.join(', ')}) equals`, hint: 'Fix the manifest, the scenario or the choices; the answer is always computed, never typed.' });
  if (matching.length > 1) problems.push({ severity: 'error', rule: 'predict-choices', ...at, message: `question '${q.id}': choices ${matching.map((i) => `'${q.choices![i]}'`).join(' and ')} both equal the computed answer ${display}` });
  return problems;
}

/** The lesson's runnable examples: the manifest validates, the scenario file parses. */
export function lintExamples(root: string, lesson: Lesson): Problem[] {
  const problems: Problem[] = [];
  const rel = (abs: string) => relative(root, abs).split(sep).join('/');
  for (const ex of lesson.examples) {
    const file = rel(ex.manifest);
    for (const p of loadManifestText(readFileSync(ex.manifest, 'utf8'), file, { advice: false }).problems) {
      if (p.severity === 'error') problems.push({ ...p, rule: 'example-manifest', message: `example "${ex.title}": ${p.message}` });
    }
    if (!ex.scenario) continue;
    const sfile = rel(ex.scenario);
    for (const p of parseScenarioText(readFileSync(ex.scenario, 'utf8'), sfile).problems) {
      problems.push({ ...p, rule: 'example-scenario', file: sfile, message: `example "${ex.title}": scenario: ${p.message}` });
    }
  }
  return problems;
}
