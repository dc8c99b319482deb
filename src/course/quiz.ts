/**
 * Quiz questions: scoring answers, a deterministic shuffle for ordering questions, and predict
 * questions whose answer the runtime computes from a manifest and a scenario (never typed by authors).
 */
import { fieldValue } from './checks/fields.js';
import { select } from './checks/select.js';
import { ClusterView, forEachInstant, groupByTime, windowFor } from './checks/view.js';
import { runScenario } from './run.js';
import type { Answer, AnswerResult, PredictResult, Question, SimulationRecord } from './types.js';

type Predict = Extract<Question, { type: 'predict' }>;

/** Thrown when a predict question cannot be answered (broken manifest or scenario): a pack bug lint reports. */
export class PredictError extends Error {}

const predictions = new WeakMap<Predict, PredictResult>();

/** Runs the question's manifest and scenario and computes the answer; cached per question. */
export function predictAnswer(question: Predict): PredictResult {
  const cached = predictions.get(question);
  if (cached) return cached;
  const run = runScenario({ manifestText: question.manifestText, file: question.manifest, scenario: question.scenario, files: question.scenarioFiles });
  if (!run.ok) throw new PredictError(`question '${question.id}' cannot be answered: ${run.problems.map((p) => p.message).join('; ')}`);
  const value = compute(question, run.simulation);
  const result: PredictResult = { value, display: display(value), simulation: run.simulation };
  predictions.set(question, result);
  return result;
}

function compute(q: Predict, sim: SimulationRecord): PredictResult['value'] {
  const ask = q.ask;
  if (ask.type === 'maxCount' || ask.type === 'minCount') {
    const groups = groupByTime(sim.timeline);
    const window = windowFor(ask.during, sim, groups);
    if (typeof window === 'string') throw new PredictError(`question '${q.id}': ${window}`);
    let best = ask.type === 'maxCount' ? -Infinity : Infinity;
    forEachInstant(groups, window, (_t, view) => {
      const n = select(ask.select, view).length;
      best = ask.type === 'maxCount' ? Math.max(best, n) : Math.min(best, n);
      return true;
    });
    return Number.isFinite(best) ? best : 0;
  }
  const final = new ClusterView();
  for (const e of sim.timeline) final.apply(e);
  const picked = select(ask.select, final);
  if (ask.type === 'count') return picked.length;
  if (ask.type === 'names') return picked.map((o) => o.metadata.name ?? '').sort();
  const value = picked[0] ? fieldValue(picked[0], ask.path) : undefined;
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
}

function display(value: PredictResult['value']): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  return value === null ? '(not set)' : String(value);
}

/** Index of the choice equal to the computed answer, if the question has choices (lint: exactly one). */
export function predictChoiceIndexes(question: Predict): number[] {
  const answer = predictAnswer(question).display;
  return (question.choices ?? []).map((c, i) => (normalise(c) === normalise(answer) ? i : -1)).filter((i) => i >= 0);
}

function normalise(s: string): string {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .sort()
    .join(',')
    .toLowerCase();
}

export function answerQuestion(question: Question, answer: Answer): AnswerResult {
  const result = (correct: boolean, correctAnswer: string): AnswerResult => ({ correct, correctAnswer, explanation: question.explanation });
  switch (question.type) {
    case 'single':
      return result(answer.type === 'single' && answer.index === question.answer, question.choices[question.answer]!);
    case 'multiple': {
      const given = answer.type === 'multiple' ? [...new Set(answer.indexes)].sort((a, b) => a - b) : [];
      return result(given.join(',') === question.answers.join(','), question.answers.map((i) => question.choices[i]).join('; '));
    }
    case 'truefalse':
      return result(answer.type === 'truefalse' && answer.value === question.answer, question.answer ? 'true' : 'false');
    case 'order':
      return result(answer.type === 'order' && answer.items.join('\n') === question.items.join('\n'), question.items.join(' → '));
    case 'predict': {
      const computed = predictAnswer(question).display;
      if (answer.type !== 'predict') return result(false, computed);
      const given = answer.index !== undefined ? question.choices?.[answer.index] : Array.isArray(answer.value) ? answer.value.join(',') : answer.value !== undefined ? String(answer.value) : undefined;
      return result(given !== undefined && normalise(given) === normalise(computed), computed);
    }
  }
}

/**
 * The order question's items as shown: a shuffle seeded by the question id, so every learner (and every
 * test) sees the same order, and never the correct one.
 */
export function orderShown(question: Extract<Question, { type: 'order' }>): string[] {
  const items = [...question.items];
  let seed = [...question.id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  if (items.join('\n') === question.items.join('\n')) items.push(items.shift()!);
  return items;
}

export function scoreQuiz(results: readonly AnswerResult[]): { score: number; total: number } {
  return { score: results.filter((r) => r.correct).length, total: results.length };
}
