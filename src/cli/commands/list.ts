// `list [--json]`: lessons and exercises in course order with the learner's status.
import { listCourse, type CourseMap } from '../../course/index.js';
import { EXIT_OK } from '../io.js';
import { openSession } from '../plain/context.js';
import type { CommandContext } from '../registry.js';
import type { Paint } from '../color.js';

export async function run({ io, values }: CommandContext): Promise<number> {
  const session = openSession(io, values);
  const map = listCourse(session.pack, session.progress.progress);
  if (values.json) io.stdout.write(JSON.stringify(toJson(map, session.pack.dir), null, 2) + '\n');
  else io.stdout.write(formatList(map, io.color));
  return EXIT_OK;
}

function toJson(map: CourseMap, dir: string) {
  return {
    pack: { id: map.packId, title: map.packTitle, dir },
    totals: map.totals,
    lessons: map.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      summary: l.summary,
      minutes: l.minutes,
      read: l.read,
      complete: l.complete,
      quiz: l.quiz ?? null,
      exercises: l.exercises.map((e) => ({ ...exerciseJson(e) })),
    })),
    exercises: map.lessons.flatMap((l) => l.exercises.map(exerciseJson)),
  };
}

function exerciseJson(e: CourseMap['lessons'][number]['exercises'][number]) {
  return { id: e.id, lesson: e.lessonId, title: e.title, difficulty: e.difficulty, status: e.status, attempts: e.attempts, hintsUsed: e.hintsUsed, starter: e.starter, solution: e.solution };
}

const MARK = { passed: '✓', attempted: '~', todo: '·' } as const;

export function formatList(map: CourseMap, c: Paint): string {
  const lines = [c.bold(map.packTitle), ''];
  map.lessons.forEach((l, i) => {
    const state = l.complete ? c.green(' (done)') : l.read ? c.dim(' (read)') : '';
    lines.push(`${String(i + 1).padStart(2)}. ${c.bold(l.title)}  ${c.dim(l.id)}  ~${l.minutes} min${state}`);
    for (const e of l.exercises) {
      const mark = e.status === 'passed' ? c.green(MARK.passed) : e.status === 'attempted' ? c.yellow(MARK.attempted) : c.dim(MARK.todo);
      lines.push(`      ${mark} ${e.id.padEnd(28)} ${e.title}  ${c.dim('★'.repeat(e.difficulty))}`);
    }
    if (l.quiz) lines.push(`      ${l.quiz.best !== undefined ? c.green(MARK.passed) : c.dim(MARK.todo)} quiz (${l.quiz.questions} questions${l.quiz.best !== undefined ? `, best ${l.quiz.best}/${l.quiz.questions}` : ''})`);
  });
  const t = map.totals;
  lines.push('', `${t.exercisesPassed}/${t.exercises} exercises passed, ${t.lessonsRead}/${t.lessons} lessons read.`);
  lines.push(c.dim("Check an exercise with 'k8s-workloads-course check --exercise ID'; take a quiz with 'k8s-workloads-course quiz LESSON'."));
  return lines.join('\n') + '\n';
}
