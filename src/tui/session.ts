import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
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
import type { Answer, AnswerResult, CheckResult, Exercise, Lesson, Pack, PredictResult, Question, SimulationRecord } from '../course/types.js';
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
    private readonly cwd: string,
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
    const packId = this.lessonById(lessonId).packId;
    if (this.progress.packs[packId]?.lessonsRead[lessonId]) return;
    markLessonRead(this.progress, packId, lessonId, new Date());
    this.save();
  }

  openExercise(id: string): ExerciseInfo {
    const e = this.exerciseById(id);
    const file = openExercise(this.workspace, e);
    markExerciseOpened(this.progress, e.packId, id, new Date());
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
    const used = this.progress.packs[e.packId]?.exercises[id]?.hintsUsed ?? 0;
    const shown = Math.min(e.hints.length, used + 1);
    recordHint(this.progress, e.packId, id, shown);
    this.save();
    return shown;
  }

  async check(id: string): Promise<CheckResult> {
    const { checkExercise } = await import('../course/exercise.js');
    const { recordAttempt } = await import('../course/progress.js');
    const e = this.exerciseById(id);
    const file = openExercise(this.workspace, e);
    const result = checkExercise(this.pack, id, file.text, file.path);
    if (result.status !== 'error') {
      recordAttempt(this.progress, e.packId, id, result.status === 'passed', new Date());
      this.save();
    }
    return result;
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

  orderShown(question: Question): string[] {
    if (question.type !== 'order') return [];
    // The quiz module is loaded with the quiz screen, before any order question is shown.
    if (!this.quiz) throw new Error('the quiz module is not loaded yet');
    return this.quiz.orderShown(question);
  }

  private quiz?: typeof import('../course/quiz.js');

  /** Loads the quiz module (it pulls in the runtime for predict questions). */
  async loadQuiz(): Promise<void> {
    this.quiz ??= await import('../course/quiz.js');
  }

  async answer(question: Question, answer: Answer): Promise<AnswerResult> {
    await this.loadQuiz();
    return this.quiz!.answerQuestion(question, answer);
  }

  async predict(question: Question): Promise<PredictResult> {
    if (question.type !== 'predict') throw new Error(`question '${question.id}' is not a predict question`);
    await this.loadQuiz();
    return this.quiz!.predictAnswer(question);
  }

  saveQuiz(lessonId: string, score: number, total: number): void {
    recordQuiz(this.progress, this.lessonById(lessonId).packId, lessonId, score, total, new Date());
    this.save();
  }

  /** Runs a lesson's example manifest with its scenario, reading only files inside the lesson folder. */
  async example(lessonId: string, index: number): Promise<SimulationRecord> {
    const lesson = this.lessonById(lessonId);
    const example = lesson.examples[index];
    if (!example) throw new Error(`lesson '${lessonId}' has no example ${index + 1}`);
    const [{ runScenario }, { parse }, { appliedPaths }] = await Promise.all([
      import('../course/run.js'),
      import('yaml'),
      import('../course/pack/scenario-files.js'),
    ]);
    const scenario: unknown = example.scenario ? parse(readInside(lesson.dir, example.scenario)) : undefined;
    const base = example.scenario ? dirname(example.scenario) : lesson.dir;
    const files: Record<string, string> = {};
    for (const { path } of appliedPaths(scenario)) files[path] = readInside(lesson.dir, resolve(base, path));
    const run = runScenario({ manifestText: readInside(lesson.dir, example.manifest), file: example.manifest, scenario, files });
    if (!run.ok) throw new Error(`the example “${example.title}” does not run: ${run.problems.map((p) => p.message).join('; ')}`);
    return run.simulation;
  }

  async sandbox(path: string): Promise<SimulationRecord> {
    const file = resolve(this.cwd, path);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`cannot read ${file}`);
    }
    const { runScenario } = await import('../course/run.js');
    const run = runScenario({ manifestText: text, file: path, scenario: undefined, files: {} });
    if (!run.ok) {
      const first = run.problems.find((p) => p.severity === 'error') ?? run.problems[0];
      const where = first ? `${first.file}${first.line ? `:${first.line}` : ''}: ${first.message}` : 'it does not validate';
      throw new Error(`${path} cannot run — ${where} (${run.problems.length} problem${run.problems.length === 1 ? '' : 's'}; 'k8s-workloads-course simulate ${path}' lists them all)`);
    }
    return run.simulation;
  }
}

/** Reads a pack file, refusing paths that leave the lesson folder (the pack is untrusted). */
function readInside(dir: string, path: string): string {
  const rel = relative(dir, path);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`${path} is outside the lesson folder`);
  return readFileSync(path, 'utf8');
}
