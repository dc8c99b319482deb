import { describe, expect, it } from 'vitest';
import { findBinding, helpBar, helpLines, type KeyBinding } from '../../src/tui/keys.js';
import { clusterKeys, initialCluster } from '../../src/tui/models/cluster.js';
import { exerciseKeys, initialExercise } from '../../src/tui/models/exercise.js';
import { lessonKeys } from '../../src/tui/models/lesson.js';
import { mapKeys } from '../../src/tui/models/map.js';
import { lineText } from '../../src/tui/text.js';

const info = { id: 'e', lessonId: 'l', title: 'T', difficulty: 1 as const, task: '', hints: ['h1'], hintsUsed: 0, path: '/w/e.yaml', status: 'todo' as const, attempts: 0 };
const tables: [string, KeyBinding[]][] = [
  ['map', mapKeys()],
  ['lesson', lessonKeys({ hasExercises: true, hasQuiz: true, hasExample: true, hasNext: true, hasPrev: true })],
  ['exercise', exerciseKeys(initialExercise(info, []))],
  ['cluster', clusterKeys(initialCluster(5, [2]))],
];

describe('key tables', () => {
  it.each(tables)('%s: no key is bound twice, and none shadows q, Esc or ?', (_name, table) => {
    const keys = table.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of ['q', 'escape', '?', 'C-c']) expect(keys).not.toContain(k);
  });

  it.each(tables)('%s: the help bar fits 80 columns and always ends with the global keys', (_name, table) => {
    const bar = lineText(helpBar(table, 79));
    expect(bar.length).toBeLessThanOrEqual(79);
    expect(bar).toMatch(/Esc back {2}\? keys {2}q quit$/);
  });

  it.each(tables)('%s: every bar key is also in the ? overlay', (_name, table) => {
    const overlay = helpLines('x', table).map(lineText).join('\n');
    for (const b of table.filter((b) => b.bar && b.when !== false)) expect(overlay).toContain(b.detail ?? b.help);
  });

  it('inactive bindings do not fire', () => {
    const s = { ...initialExercise({ ...info, hintsUsed: 1 }, []) };
    expect(findBinding(exerciseKeys(s), 'h')).toBeUndefined();
    expect(findBinding(exerciseKeys(s), 's')).toBeUndefined();
  });
});
