import type {
  Answer,
  AnswerResult,
  CheckResult,
  CourseMap,
  ExerciseStatus,
  PredictResult,
  Question,
  SimulationRecord,
} from '../course/types.js';

/**
 * Everything the full-screen UI asks of the course. The TUI holds no course logic: `session.ts`
 * implements this over src/course, and view tests use small fakes.
 */
export interface CoursePort {
  /** Lessons with progress marks; fast (no lesson bodies rendered). */
  map(): CourseMap;
  /** Markdown rendered for a terminal `width` columns wide (ANSI text). */
  renderMarkdown(markdown: string, width: number): Promise<string>;
  lesson(id: string): LessonInfo;
  markRead(lessonId: string): void;
  openExercise(id: string): ExerciseInfo;
  /** Records that one more hint was shown; returns how many are shown now. */
  useHint(id: string): number;
  check(id: string): Promise<CheckResult>;
  /** Restores the starter; returns where the learner's previous version went, if anywhere. */
  reset(id: string): { path: string; backup?: string };
  solution(id: string): string;
  questions(lessonId: string): Question[];
  /** Loads what quizzes need (the runtime, for predict questions) before a quiz starts. */
  loadQuiz(): Promise<void>;
  /** The items of an order question in the (deterministic) order they are shown. */
  orderShown(question: Question): string[];
  answer(question: Question, answer: Answer): Promise<AnswerResult>;
  predict(question: Question): Promise<PredictResult>;
  saveQuiz(lessonId: string, score: number, total: number): void;
  example(lessonId: string, index: number): Promise<SimulationRecord>;
  /** Runs any manifest file (path relative to the working folder) on a default cluster: the sandbox. */
  sandbox(path: string): Promise<SimulationRecord>;
  /** Warnings from loading (a corrupt progress file moved aside…), shown once on the map. */
  warnings: string[];
}

export interface LessonInfo {
  id: string;
  title: string;
  markdown: string;
  summary: string;
  objectives: string[];
  minutes: number;
  examples: { title: string }[];
  exercises: { id: string; title: string }[];
  hasQuiz: boolean;
}

export interface ExerciseInfo {
  id: string;
  lessonId: string;
  title: string;
  difficulty: 1 | 2 | 3;
  task: string;
  hints: string[];
  hintsUsed: number;
  /** The learner's file in the workspace. */
  path: string;
  status: ExerciseStatus;
  attempts: number;
}
