import { describe, expect, it } from 'vitest';
import type { CourseMap } from '../../../src/course/types.js';
import { initialMap, mapMove, mapRows, mapView, resumeRow, selectedRow } from '../../../src/tui/models/map.js';
import { lineText } from '../../../src/tui/text.js';

function course(overrides: Partial<CourseMap['lessons'][number]>[] = [{}, {}]): CourseMap {
  const lessons = overrides.map((o, i) => ({
    id: `l${i + 1}`,
    packId: 'p',
    title: `Lesson ${i + 1}`,
    summary: '',
    minutes: 10,
    read: false,
    quiz: { questions: 10 },
    exercises: [1, 2].map((n) => ({
      id: `l${i + 1}-e${n}`,
      lessonId: `l${i + 1}`,
      title: `Exercise ${n}`,
      difficulty: 1 as const,
      status: 'todo' as const,
      attempts: 0,
      hintsUsed: 0,
      starter: '',
      solution: '',
    })),
    complete: false,
    ...o,
  }));
  return { packId: 'p', packTitle: 'Pack', lessons, totals: { lessons: lessons.length, lessonsRead: 0, exercises: 4, exercisesPassed: 0 } };
}
const noExamples = (): number => 0;

describe('course map', () => {
  it('starts on the first unfinished lesson, opened to show its exercises and quiz', () => {
    const map = course([{ read: true, complete: true, exercises: [] }, {}]);
    const s = initialMap(map, noExamples);
    expect(s.open).toBe('l2');
    expect(selectedRow(map, s, noExamples)).toEqual({ kind: 'lesson', lessonId: 'l2' });
    expect(mapRows(map, s.open, noExamples).map((r) => r.kind)).toEqual(['lesson', 'lesson', 'exercise', 'exercise', 'quiz']);
  });

  it('moving onto another lesson opens it and closes the previous one', () => {
    const map = course();
    let s = initialMap(map, noExamples);
    for (let i = 0; i < 4; i++) s = mapMove(map, s, 'down', noExamples);
    expect(selectedRow(map, s, noExamples)).toEqual({ kind: 'lesson', lessonId: 'l2' });
    expect(s.open).toBe('l2');
    expect(mapRows(map, s.open, noExamples)).toHaveLength(5);
  });

  it('the cursor stops at both ends', () => {
    const map = course();
    const s = mapMove(map, initialMap(map, noExamples), 'up', noExamples);
    expect(s.cursor).toBe(0);
    const last = mapMove(map, s, 'bottom', noExamples);
    expect(selectedRow(map, last, noExamples)).toEqual({ kind: 'lesson', lessonId: 'l2' });
    const end = mapMove(map, mapMove(map, last, 'bottom', noExamples), 'down', noExamples);
    expect(selectedRow(map, end, noExamples)).toEqual({ kind: 'quiz', lessonId: 'l2' });
  });

  it('continue leads to the first exercise not passed once the lesson is read', () => {
    const map = course([{ read: true }, {}]);
    map.lessons[0]!.exercises[0]!.status = 'passed';
    expect(resumeRow(map)).toEqual({ kind: 'exercise', lessonId: 'l1', exerciseId: 'l1-e2' });
    const s = mapMove(map, { open: 'l2', cursor: 0 }, 'continue', noExamples);
    expect(selectedRow(map, s, noExamples)).toEqual({ kind: 'exercise', lessonId: 'l1', exerciseId: 'l1-e2' });
  });

  it('shows overall progress as a bar with a percentage, and marks per lesson', () => {
    const map = course([{ read: true }, {}]);
    map.totals = { lessons: 2, lessonsRead: 1, exercises: 4, exercisesPassed: 2 };
    const v = mapView(map, initialMap(map, noExamples), 80, () => []);
    const header = v.header.map(lineText).join('\n');
    expect(header).toContain('50%');
    expect(header).toMatch(/█+░+/);
    expect(lineText(v.rows[0]!)).toMatch(/read ✓\s+ex 0\/2\s+quiz –/);
  });

  it('every row fits the width', () => {
    const map = course([{ title: 'A very long lesson title '.repeat(5) }, {}]);
    const v = mapView(map, initialMap(map, noExamples), 80, () => []);
    for (const l of [...v.header, ...v.rows, ...v.footer]) expect([...lineText(l)].length).toBeLessThanOrEqual(80);
  });
});
