/** The course map: lessons and exercises in order with the learner's status, for `list` and the TUI. */
import type { Progress } from './progress.js';
import type { CourseMap, ExerciseStatus, Lesson, Pack } from './types.js';

export function listCourse(pack: Pack, progress: Progress): CourseMap {
  const lessons = pack.lessons.map((lesson) => {
    const p = progress.packs[lesson.packId];
    const quizProgress = p?.quizzes[lesson.id];
    const exercises = lesson.exercises.map((e) => {
      const ep = p?.exercises[e.id];
      const status: ExerciseStatus = ep?.passedAt ? 'passed' : ep && ep.attempts > 0 ? 'attempted' : 'todo';
      return { id: e.id, lessonId: lesson.id, title: e.title, difficulty: e.difficulty, status, attempts: ep?.attempts ?? 0, hintsUsed: ep?.hintsUsed ?? 0, starter: e.starter, solution: e.solution };
    });
    const quiz = lesson.quiz && {
      questions: lesson.quiz.questions.length,
      ...(quizProgress ? { best: quizProgress.best, lastScore: quizProgress.last } : {}),
    };
    const complete = exercises.every((e) => e.status === 'passed') && (!lesson.quiz || quizProgress !== undefined) && p?.lessonsRead[lesson.id] !== undefined;
    return { id: lesson.id, packId: lesson.packId, title: lesson.title, summary: lesson.summary, minutes: lesson.minutes, read: p?.lessonsRead[lesson.id] !== undefined, ...(quiz ? { quiz } : {}), exercises, complete };
  });
  const all = lessons.flatMap((l) => l.exercises);
  return {
    packId: pack.id,
    packTitle: pack.title,
    lessons,
    totals: { lessons: lessons.length, lessonsRead: lessons.filter((l) => l.read).length, exercises: all.length, exercisesPassed: all.filter((e) => e.status === 'passed').length },
  };
}

export function findLesson(pack: Pack, id: string): Lesson | undefined {
  return pack.lessons.find((l) => l.id === id || l.folder === id);
}
