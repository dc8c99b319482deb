// The curriculum's acceptance test: the linter over the built-in lessons/ finds no error. That covers
// every exercise's reference solution passing and starter failing, quiz answer keys, predict questions
// answerable by the runtime with exactly one matching choice, Markdown manifests validating, lesson
// links resolving and 80-column rendering. Warnings (e.g. lenient checks) are printed, not fatal.
import { describe, expect, test } from 'vitest';
import { builtinPackDir, formatProblem } from '../../src/course/index.js';
import { lintPack } from '../../src/course/lint/index.js';

describe('the built-in lessons', () => {
  test('lint finds no errors in lessons/', async () => {
    const report = await lintPack(builtinPackDir(), { builtin: true });
    const errors = report.problems.filter((p) => p.severity === 'error');
    const warnings = report.problems.filter((p) => p.severity === 'warning');
    if (warnings.length) console.log(`lint warnings in lessons/ (${warnings.length}):\n${warnings.map(formatProblem).join('\n')}`);
    expect(errors.map(formatProblem)).toEqual([]);
    expect(report.stats.lessons).toBeGreaterThanOrEqual(9);
    expect(report.stats.exercises).toBeGreaterThanOrEqual(27);
  }, 180_000);
});
