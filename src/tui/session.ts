import { readFileSync } from 'node:fs';
import { listCourse } from '../course/course-map.js';
import {
  loadProgress,
  markExerciseOpened,
  markLessonRead,
  recordHint,
  recordQuiz,
  saveProgress,
  type Progress,
} from '../course/progress.js';
import { renderMarkdown } from '../course/render.js';
import type { Exercise, Lesson, Pack } from '../course/types.js';
import { findExercise, openExercise, resetExercise } from '../course/workspace.js';
import type { CoursePort, ExerciseInfo, LessonInfo } from './port.js';

/**
 * The CoursePort over the course engine: a loaded pack, the learner's progress (saved after every
 * change) and the workspace. Modules that only some screens need (checking, quizzes, the runtime)
 * are imported when first used, so the course map appears fast.
 */
export class CourseSession implements CoursePort {
  readonly warnings: string[];
  private readonly progress: Progress;
  private readonly progressFile: string;

  constructor(
    private readonly pack: Pack,
    private readonly workspace: string,
    env: NodeJS.ProcessEnv,
    private readonly color: boolean,
  ) {
    const loaded = loadProgress({ env });
    this.progress = loaded.progress;
    this.progressFile = loaded.path;
    this.warnings = [...loaded.warnings, ...pack.warnings.map((w) => `${w.file}: ${w.message}`)];
  }

  map() {
    return listCourse(this.pack, this.progress);
  }

  renderMarkdown(markdown: string, width: number): Promise<string> {
    return renderMarkdown(markdown, { width, color: this.color });
  }

  private lessonById(id: string): Lesson {
    const lesson = this.pack.lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`no lesson '${id}' in this pack`);
    return lesson;
  }

  private exerciseById(id: string): Exercise {
    const exercise = findExercise(this.pack, id);
    if (!exercise) throw new Error(`no exercise '${id}' in this pack`);
    return exercise;
  }

  lesson(id: string): LessonInfo {
    const l = this.lessonById(id);
    return {
      id: l.id,
      title: l.title,
      summary: l.summary,
      objectives: l.objectives,
      minutes: l.minutes,
      markdown: l.markdown,
      examples: l.examples.map((e) => ({ title: e.title })),
      exercises: l.exercises.map((e) => ({ id: e.id, title: e.title })),
      hasQuiz: Boolean(l.quiz?.questions.length),
    };
  }

  private save(): void {
    saveProgress(this.progress, this.progressFile);
  }

  markRead(lessonId: string): void {
    if (this.progress.packs[this.pack.id]?.lessonsRead[lessonId]) return;
    markLessonRead(this.progress, this.pack.id, lessonId, new Date());
    this.save();
  }

  openExercise(id: string): ExerciseInfo {
    const e = this.exerciseById(id);
    const file = openExercise(this.workspace, e);
    markExerciseOpened(this.progress, this.pack.id, id, new Date());
    this.save();
    const status = this.map().lessons.flatMap((l) => l.exercises).find((x) => x.id === id)!;
    return {
      id,
      lessonId: e.lessonId,
      title: e.title,
      difficulty: e.difficulty,
      task: e.task,
      hints: e.hints,
      hintsUsed: status.hintsUsed,
      path: file.path,
      status: status.status,
      attempts: status.attempts,
    };
  }

  useHint(id: string): number {
    const e = this.exerciseById(id);
    const used = this.progress.packs[this.pack.id]?.exercises[id]?.hintsUsed ?? 0;
    const shown = Math.min(e.hints.length, used + 1);
    recordHint(this.progress, this.pack.id, id, shown);
    this.save();
    return shown;
  }

  async check(): Promise<never> {
    throw new Error('checking is not available in this version yet');
  }

  reset(id: string) {
    return resetExercise(this.workspace, this.exerciseById(id));
  }

  solution(id: string): string {
    return readFileSync(this.exerciseById(id).solution, 'utf8');
  }

  questions(lessonId: string) {
    return this.lessonById(lessonId).quiz?.questions ?? [];
  }

  orderShown(): string[] {
    throw new Error('quizzes are not available in this version yet');
  }

  async answer(): Promise<never> {
    throw new Error('quizzes are not available in this version yet');
  }

  async predict(): Promise<never> {
    throw new Error('quizzes are not available in this version yet');
  }

  saveQuiz(lessonId: string, score: number, total: number): void {
    recordQuiz(this.progress, this.pack.id, lessonId, score, total, new Date());
    this.save();
  }

  async example(): Promise<never> {
    throw new Error('running examples is not available in this version yet');
  }
}
