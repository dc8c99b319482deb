/**
 * The course engine's public API — everything the TUI (src/tui) and the line-mode CLI (src/cli) use.
 * Data in, data out: nothing here draws, prompts or knows about blessed/inquirer.
 *
 *   const pack = loadCoursePack({ lessons: values.lessons, cwd });         // throws PackError
 *   const { progress, path } = loadProgress({ env });
 *   const map = listCourse(pack, progress);                                // course map with statuses
 *   const ws = resolveWorkspace({ flag: values.workspace, env, cwd });
 *   const file = openExercise(ws, exercise);                               // created from starter once
 *   const result = checkExercise(pack, exercise.id, file.text, file.path); // ✓/✗ + tables + timeline
 *   recordAttempt(progress, pack.id, exercise.id, result.status === 'passed', new Date()); saveProgress(progress, path);
 *   const verdict = answerQuestion(question, { type: 'single', index: 1 });
 *   const text = await renderMarkdown(lesson.markdown, { width: 80 });     // ANSI text for a terminal
 */
export type * from './types.js';
export { formatProblem } from './types.js';

export { loadPack, readPack, loadCoursePack, builtinPackDir, PackError, PACK_LIMITS } from './pack/load.js';
export type { PackReadResult } from './pack/load.js';
export { sanitizeText } from './pack/text.js';

export { listCourse, findLesson } from './course-map.js';

export { describeSelection, describeCheck } from './checks/describe.js';
export { evaluateChecks } from './checks/evaluate.js';
export { objectTable, formatTables } from './checks/tables.js';

// Landing in the next commits (signatures fixed now so the TUI can code against them):
//   checkExercise(pack: Pack, exerciseId: string, manifestText: string, file: string): CheckResult
//   answerQuestion(question: Question, answer: Answer): AnswerResult   (predict: runs the runtime, cached)
//   predictAnswer(question: Question & { type: 'predict' }): PredictResult
//   orderShown(question: Question & { type: 'order' }): string[]      (deterministic shuffle for display)
//   scoreQuiz(results: AnswerResult[]): { score: number; total: number }

export { renderMarkdown } from './render.js';

export {
  loadProgress,
  saveProgress,
  progressPath,
  emptyProgress,
  packProgress,
  markLessonRead,
  markExerciseOpened,
  recordAttempt,
  recordHint,
  recordQuiz,
  resetProgress,
  PROGRESS_VERSION,
} from './progress.js';
export type { Progress, PackProgress, ExerciseProgress, QuizProgress, LoadedProgress } from './progress.js';

export {
  resolveWorkspace,
  openExercise,
  resetExercise,
  exerciseFile,
  exerciseForFile,
  findExercise,
  allExercises,
  DEFAULT_WORKSPACE,
} from './workspace.js';
export type { OpenedExercise, ResetResult } from './workspace.js';
