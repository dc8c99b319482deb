/**
 * Checking a learner's manifest against an exercise: validate → simulate the exercise's scenario with
 * the manifest applied first → evaluate every check. Never a bare "failed": an invalid manifest gives
 * the validator's problems, a failing check says what was expected, what happened, and shows why.
 */
import { sanitizeForTerminal } from '../runtime/yaml/index.js';
import { evaluateChecks } from './checks/evaluate.js';
import { runScenario } from './run.js';
import type { CheckOutcome, CheckResult, Exercise, Pack } from './types.js';
import { findExercise } from './workspace.js';

export function checkExercise(pack: Pack, exerciseId: string, manifestText: string, file: string): CheckResult {
  const exercise = findExercise(pack, exerciseId);
  if (!exercise) throw new Error(`no exercise '${exerciseId}' in pack ${pack.id}`);
  return checkManifestAgainst(exercise, manifestText, file);
}

export function checkManifestAgainst(exercise: Exercise, manifestText: string, file: string): CheckResult {
  const run = runScenario({ manifestText, file, scenario: exercise.scenario, files: exercise.files });
  if (!run.ok) {
    const errors = run.problems.filter((p) => p.severity === 'error').length;
    const summary = run.stage === 'manifest' ? `the manifest has ${errors} error${errors === 1 ? '' : 's'}; fix ${errors === 1 ? 'it' : 'them'} and check again` : 'the exercise scenario could not run (a problem in the lesson pack)';
    return { exerciseId: exercise.id, status: run.stage === 'manifest' ? 'invalid' : 'error', problems: run.problems, checks: [], summary };
  }
  const checks = evaluateChecks(exercise.checks, run.simulation).map(sanitizeOutcome);
  const passed = checks.filter((c) => c.passed).length;
  const all = passed === checks.length;
  const capped = run.simulation.capped ? ` (the simulation stopped early: ${run.simulation.capped})` : '';
  return {
    exerciseId: exercise.id,
    status: all ? 'passed' : 'failed',
    problems: run.problems,
    checks,
    simulation: run.simulation,
    summary: all ? `all ${checks.length} checks passed${capped}` : `${passed} of ${checks.length} checks passed${capped}`,
  };
}

/** Names and messages come from the learner's file: make them safe to print. */
function sanitizeOutcome(o: CheckOutcome): CheckOutcome {
  return {
    ...o,
    expected: sanitizeForTerminal(o.expected),
    observed: sanitizeForTerminal(o.observed),
    events: o.events.map((e) => ({ ...e, message: sanitizeForTerminal(e.message), involvedObject: { ...e.involvedObject, name: sanitizeForTerminal(e.involvedObject.name) } })),
  };
}
