import type { MapRow } from '../models/map.js';
import type { AppContext, View } from '../view.js';

/** The view a course-map row opens. Each view module is imported only when first needed. */
export async function openRow(app: AppContext, row: MapRow): Promise<View> {
  switch (row.kind) {
    case 'lesson':
      return (await import('./lesson.js')).LessonScreen.open(app, row.lessonId);
    case 'exercise':
      return (await import('./exercise.js')).ExerciseScreen.open(app, row.exerciseId);
    case 'quiz':
      return (await import('./quiz.js')).QuizScreen.open(app, row.lessonId);
    case 'example': {
      const lesson = app.port.lesson(row.lessonId);
      const sim = await app.port.example(row.lessonId, row.index);
      return (await import('./cluster.js')).ClusterScreen.open(app, sim, `example: ${lesson.examples[row.index]?.title ?? ''}`);
    }
  }
}
