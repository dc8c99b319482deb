import type { CourseMap } from '../../course/types.js';
import type { KeyBinding } from '../keys.js';
import { bar, fit, fitLine, pad, seg, type Line } from '../text.js';

/**
 * The course map (home): every lesson in order; the lesson under the cursor opens like an accordion
 * to show its exercises, its quiz and its runnable examples.
 */
export type MapRow =
  | { kind: 'lesson'; lessonId: string }
  | { kind: 'exercise'; lessonId: string; exerciseId: string }
  | { kind: 'quiz'; lessonId: string }
  | { kind: 'example'; lessonId: string; index: number };

export interface MapState {
  /** The lesson whose items are shown, and the row under the cursor. */
  open: string | undefined;
  cursor: number;
}

export type MapAction = 'up' | 'down' | 'top' | 'bottom' | 'enter' | 'continue' | 'sandbox';

export function mapKeys(): KeyBinding<MapAction>[] {
  return [
    { keys: ['up', 'k'], label: '↑/↓', action: 'up', help: 'move', bar: true },
    { keys: ['down', 'j'], label: '↓', action: 'down', help: 'move down' },
    { keys: ['enter', 'right', 'l'], label: 'Enter', action: 'enter', help: 'open', bar: true },
    { keys: ['c'], label: 'c', action: 'continue', help: 'continue', detail: 'continue where you left off', bar: true },
    { keys: ['m'], label: 'm', action: 'sandbox', help: 'sandbox', detail: 'run any manifest file in the cluster view (sandbox)', bar: true },
    { keys: ['home', 'g'], label: 'g/G', action: 'top', help: 'first/last' },
    { keys: ['end', 'S-g'], label: 'G', action: 'bottom', help: 'last' },
  ];
}

export function mapRows(map: CourseMap, open: string | undefined, examples: (lessonId: string) => number): MapRow[] {
  const rows: MapRow[] = [];
  for (const l of map.lessons) {
    rows.push({ kind: 'lesson', lessonId: l.id });
    if (l.id !== open) continue;
    for (const e of l.exercises) rows.push({ kind: 'exercise', lessonId: l.id, exerciseId: e.id });
    if (l.quiz) rows.push({ kind: 'quiz', lessonId: l.id });
    for (let i = 0; i < examples(l.id); i++) rows.push({ kind: 'example', lessonId: l.id, index: i });
  }
  return rows;
}

/** Where "continue" leads: the first exercise not passed of the first unfinished lesson, else its text. */
export function resumeRow(map: CourseMap): MapRow | undefined {
  const lesson = map.lessons.find((l) => !l.complete);
  if (!lesson) return undefined;
  if (!lesson.read) return { kind: 'lesson', lessonId: lesson.id };
  const exercise = lesson.exercises.find((e) => e.status !== 'passed');
  if (exercise) return { kind: 'exercise', lessonId: lesson.id, exerciseId: exercise.id };
  if (lesson.quiz && lesson.quiz.best === undefined) return { kind: 'quiz', lessonId: lesson.id };
  return { kind: 'lesson', lessonId: lesson.id };
}

export function initialMap(map: CourseMap, examples: (lessonId: string) => number): MapState {
  const resume = resumeRow(map);
  const open = resume?.lessonId ?? map.lessons[0]?.id;
  const rows = mapRows(map, open, examples);
  const cursor = Math.max(0, rows.findIndex((r) => r.kind === 'lesson' && r.lessonId === open));
  return { open, cursor };
}

const sameRow = (a: MapRow, b: MapRow): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Moves the cursor; landing on another lesson opens it (and closes the previous one). */
export function mapMove(map: CourseMap, s: MapState, action: 'up' | 'down' | 'top' | 'bottom' | 'continue', examples: (id: string) => number): MapState {
  const rows = mapRows(map, s.open, examples);
  if (action === 'continue') {
    const target = resumeRow(map);
    if (!target) return s;
    const opened = mapRows(map, target.lessonId, examples);
    return { open: target.lessonId, cursor: Math.max(0, opened.findIndex((r) => sameRow(r, target))) };
  }
  const cursor = { up: s.cursor - 1, down: s.cursor + 1, top: 0, bottom: rows.length - 1 }[action];
  const target = rows[Math.max(0, Math.min(cursor, rows.length - 1))];
  if (!target) return s;
  if (target.kind !== 'lesson' || target.lessonId === s.open) return { ...s, cursor: rows.indexOf(target) };
  const reopened = mapRows(map, target.lessonId, examples);
  return { open: target.lessonId, cursor: reopened.findIndex((r) => sameRow(r, target)) };
}

export function selectedRow(map: CourseMap, s: MapState, examples: (id: string) => number): MapRow | undefined {
  return mapRows(map, s.open, examples)[s.cursor];
}

export interface MapView {
  header: Line[];
  rows: Line[];
  /** Index of the selected line within `rows`. */
  selected: number;
  footer: Line[];
}

const STATUS_MARK = { passed: ['✓', 'ok'], attempted: ['✗', 'warn'], todo: ['○', 'dim'] } as const;

/** The text of the map, `cols` columns wide. */
export function mapView(map: CourseMap, s: MapState, cols: number, lessonExamples: (id: string) => string[], warnings: string[] = []): MapView {
  const rows = mapRows(map, s.open, (id) => lessonExamples(id).length);
  const t = map.totals;
  const done = t.lessonsRead + t.exercisesPassed;
  const total = t.lessons + t.exercises;
  const pct = total ? Math.round((done / total) * 100) : 0;
  const stats = ` ${pct}%  lessons read ${t.lessonsRead}/${t.lessons}  exercises passed ${t.exercisesPassed}/${t.exercises}`;
  const barCols = Math.max(10, Math.min(40, cols - 9 - stats.length));
  const header: Line[] = [
    [seg(fit(map.packTitle, cols), 'title')],
    fitLine([seg('Progress '), seg(bar(done, total, barCols), 'ok'), seg(stats)], cols),
    ...warnings.map((w) => [seg(fit(`⚠ ${w}`, cols), 'warn')]),
    [],
  ];
  const lines = rows.map((r) => fitLine(rowLine(map, r, cols, lessonExamples), cols));
  const resume = resumeRow(map);
  const footer: Line[] = [
    resume ? [seg('Continue: ', 'dim'), seg(fit(describeRow(map, resume, lessonExamples), cols - 15), 'accent'), seg('  (c)', 'dim')] : [seg('Course complete — well done!', 'ok')],
  ];
  return { header: header.map((l) => l), rows: lines, selected: s.cursor, footer };
}

function rowLine(map: CourseMap, r: MapRow, cols: number, lessonExamples: (id: string) => string[]): Line {
  const n = map.lessons.findIndex((l) => l.id === r.lessonId);
  const lesson = map.lessons[n]!;
  if (r.kind === 'lesson') {
    const passed = lesson.exercises.filter((e) => e.status === 'passed').length;
    const quiz = lesson.quiz ? (lesson.quiz.best === undefined ? 'quiz –' : `quiz ${lesson.quiz.best}/${lesson.quiz.questions}`) : '';
    const stats = `${lesson.read ? 'read ✓' : 'unread'}  ex ${passed}/${lesson.exercises.length}  ${quiz}`.trimEnd();
    const mark = lesson.complete ? seg('✓ ', 'ok') : lesson.read || passed ? seg('◐ ', 'warn') : seg('○ ', 'dim');
    const titleCols = Math.max(10, cols - 7 - stats.length - 2);
    return [seg(`${String(n + 1).padStart(2)} `), mark, seg(pad(lesson.title, titleCols), 'bold'), seg('  ' + stats, 'dim')];
  }
  if (r.kind === 'exercise') {
    const e = lesson.exercises.find((x) => x.id === r.exerciseId)!;
    const [mark, tone] = STATUS_MARK[e.status];
    const stars = '★'.repeat(e.difficulty) + '☆'.repeat(3 - e.difficulty);
    return [seg('      '), seg(`${mark} `, tone), seg('Exercise: '), seg(fit(e.title, cols - 24)), seg(`  ${stars}`, 'dim')];
  }
  if (r.kind === 'quiz') {
    const q = lesson.quiz!;
    const score = q.best === undefined ? `${q.questions} questions` : `best ${q.best}/${q.questions}`;
    return [seg('      '), seg(q.best === undefined ? '○ ' : '✓ ', q.best === undefined ? 'dim' : 'ok'), seg('Quiz'), seg(`  ${score}`, 'dim')];
  }
  return [seg('      '), seg('▶ ', 'info'), seg('Example: '), seg(fit(lessonExamples(r.lessonId)[r.index] ?? '', cols - 24))];
}

export function describeRow(map: CourseMap, r: MapRow, lessonExamples: (id: string) => string[]): string {
  const lesson = map.lessons.find((l) => l.id === r.lessonId)!;
  if (r.kind === 'lesson') return `read “${lesson.title}”`;
  if (r.kind === 'exercise') return `${lesson.title} › exercise “${lesson.exercises.find((e) => e.id === r.exerciseId)!.title}”`;
  if (r.kind === 'quiz') return `${lesson.title} › quiz`;
  return `${lesson.title} › example “${lessonExamples(r.lessonId)[r.index]}”`;
}
