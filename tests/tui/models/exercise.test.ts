import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/course/types.js';
import { exerciseKeys, exerciseLines, initialExercise, withResult } from '../../../src/tui/models/exercise.js';
import { lineText } from '../../../src/tui/text.js';

const info = { id: 'web', lessonId: 'l', title: 'Web', difficulty: 2 as const, task: '', hints: ['Look at replicas.', 'Labels.'], hintsUsed: 1, path: '/ws/web.yaml', status: 'todo' as const, attempts: 0 };
const failed: CheckResult = {
  exerciseId: 'web',
  status: 'failed',
  problems: [{ severity: 'warning', file: '/ws/web.yaml', line: 3, column: 5, path: 'spec.replicas', message: 'single replica' }],
  checks: [
    { title: '3 pods Ready', passed: false, expected: 'exactly 3', observed: '1 matched', tables: [{ kind: 'Pod', columns: ['NAME', 'STATUS'], rows: [['web-1', 'Running']] }], events: [], source: { file: 'e.yaml' } },
    { title: 'Deployment web exists', passed: true, expected: '', observed: '', tables: [], events: [], source: { file: 'e.yaml' } },
  ],
  summary: '1 of 2 checks passed',
};

describe('exercise model', () => {
  it('shows the file path, the task and only the hints already revealed', () => {
    const text = exerciseLines(initialExercise(info, ['Write a Deployment.']), 80).map(lineText).join('\n');
    expect(text).toContain('/ws/web.yaml');
    expect(text).toContain('Write a Deployment.');
    expect(text).toContain('Hint 1: Look at replicas.');
    expect(text).not.toContain('Labels.');
  });

  it('a failed result lists each check with ✓/✗, expected, observed and the objects', () => {
    const text = exerciseLines(withResult(initialExercise(info, []), failed), 80).map(lineText).join('\n');
    expect(text).toContain('✗ NOT YET 1 of 2 checks passed');
    expect(text).toContain('✗ 3 pods Ready');
    expect(text).toContain('expected: exactly 3');
    expect(text).toContain('observed: 1 matched');
    expect(text).toMatch(/NAME\s+STATUS\n\s+web-1\s+Running/);
    expect(text).toContain('✓ Deployment web exists');
    expect(text).toContain('⚠ web.yaml:3:5 spec.replicas: single replica');
  });

  it('the solution can be asked for only after a failed attempt', () => {
    const fresh = initialExercise(info, []);
    expect(exerciseKeys(fresh).find((k) => k.action === 'solution')?.when).toBe(false);
    expect(exerciseKeys(withResult(fresh, failed)).find((k) => k.action === 'solution')?.when).toBe(true);
  });

  it('while a confirmation is pending only y and n work', () => {
    const s = { ...initialExercise(info, []), confirm: 'reset' as const };
    expect(exerciseKeys(s).map((k) => k.action)).toEqual(['yes', 'no']);
  });
});
