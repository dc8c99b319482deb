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
export type { PackReadResult, PackLoadOptions } from './pack/load.js';
export { sanitizeText, hasUnsafeCharacters } from './pack/text.js';

export { listCourse, findLesson } from './course-map.js';

export { describeSelection, describeCheck } from './checks/describe.js';
export { evaluateChecks } from './checks/evaluate.js';
export { objectTable, formatTables, duration as formatDuration } from './checks/tables.js';

export { checkExercise, checkManifestAgainst } from './exercise.js';
export { runScenario, parseScenarioData } from './run.js';
/** A CronJob schedule in plain English ("At 02:00, only on Sunday (UTC)"), wherever the course shows one. */
export { describeSchedule } from '../runtime/controllers/cronjob/describe.js';
export type { RunInput, RunOutcome } from './run.js';
export { answerQuestion, predictAnswer, predictChoiceIndexes, orderShown, scoreQuiz, PredictError } from './quiz.js';

export { renderMarkdown } from './render.js';
export type { RenderOptions } from './render.js';

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
