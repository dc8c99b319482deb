/**
 * Learner progress: one versioned JSON file, written atomically (temp file + rename). A corrupt or
 * unreadable file is moved aside with a warning and the course starts fresh — never a crash.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const PROGRESS_VERSION = 2;

export interface ExerciseProgress {
  attempts: number;
  hintsUsed: number;
  /** ISO times. `firstOpenedAt` starts the clock for the first-pass time. */
  firstOpenedAt?: string;
  lastAttemptAt?: string;
  passedAt?: string;
  /** Attempts it took to pass the first time, and wall-clock ms from first open to that pass. */
  firstPassAttempts?: number;
  firstPassMs?: number;
}

export interface QuizProgress {
  best: number;
  last: number;
  total: number;
  takenAt: string;
  attempts: number;
}

export interface PackProgress {
  lessonsRead: Record<string, string>;
  exercises: Record<string, ExerciseProgress>;
  quizzes: Record<string, QuizProgress>;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  packs: Record<string, PackProgress>;
}

export interface ProgressLocation {
  env: NodeJS.ProcessEnv;
}

/** K8S_COURSE_HOME, else $XDG_DATA_HOME/k8s-workloads-course, else ~/.local/share/k8s-workloads-course. */
export function progressPath({ env }: ProgressLocation): string {
  if (env.K8S_COURSE_HOME) return join(env.K8S_COURSE_HOME, 'progress.json');
  const data = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(data, 'k8s-workloads-course', 'progress.json');
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, packs: {} };
}

export function packProgress(progress: Progress, packId: string): PackProgress {
  return (progress.packs[packId] ??= { lessonsRead: {}, exercises: {}, quizzes: {} });
}

export interface LoadedProgress {
  progress: Progress;
  path: string;
  /** E.g. "progress file was corrupt; moved it to …; starting fresh". */
  warnings: string[];
}

export function loadProgress(location: ProgressLocation): LoadedProgress {
  const path = progressPath(location);
  if (!existsSync(path)) return { progress: emptyProgress(), path, warnings: [] };
  let reason: string;
  try {
    const migrated = migrate(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    if (typeof migrated !== 'string') return { progress: migrated, path, warnings: [] };
    reason = migrated;
  } catch (err) {
    reason = err instanceof SyntaxError ? 'it is not valid JSON' : (err as Error).message;
  }
  const aside = `${path}.corrupt-${stamp()}`;
  try {
    renameSync(path, aside);
    return { progress: emptyProgress(), path, warnings: [`progress file ${path} could not be read (${reason}); moved it to ${aside} and started fresh`] };
  } catch {
    return { progress: emptyProgress(), path, warnings: [`progress file ${path} could not be read (${reason}); starting fresh`] };
  }
}

/** Writes to a temp file beside the target then renames it, so a crash never leaves half a file. */
export function saveProgress(progress: Progress, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(progress, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, path);
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Brings any older schema up to the current one; returns a reason string when the data is unusable. */
export function migrate(data: unknown): Progress | string {
  if (!isObject(data)) return 'it is not a JSON object';
  let current = data;
  if (current.version === 1) current = fromV1(current);
  if (current.version !== PROGRESS_VERSION) return `unknown schema version ${JSON.stringify(current.version)}`;
  if (!isObject(current.packs)) return "it has no 'packs' object";
  const packs: Record<string, PackProgress> = {};
  for (const [id, pack] of Object.entries(current.packs)) {
    if (!isObject(pack)) return `pack '${id}' is not an object`;
    packs[id] = {
      lessonsRead: isObject(pack.lessonsRead) ? (pack.lessonsRead as Record<string, string>) : {},
      exercises: isObject(pack.exercises) ? (pack.exercises as Record<string, ExerciseProgress>) : {},
      quizzes: isObject(pack.quizzes) ? (pack.quizzes as Record<string, QuizProgress>) : {},
    };
  }
  return { version: PROGRESS_VERSION, packs };
}

/**
 * Version 1 kept a single pack's progress at the top level (`lessons: string[]`, `exercises`,
 * `quizzes: { id: score }`); version 2 keys everything by pack identity. Version 1 was the built-in pack.
 */
function fromV1(v1: Json): Json {
  const lessonsRead: Record<string, string> = {};
  // v1 kept no time: the epoch marks "read at an unknown time".
  if (Array.isArray(v1.lessons)) for (const id of v1.lessons) if (typeof id === 'string') lessonsRead[id] = new Date(0).toISOString();
  const quizzes: Record<string, QuizProgress> = {};
  if (isObject(v1.quizzes)) {
    for (const [id, q] of Object.entries(v1.quizzes)) {
      if (isObject(q) && typeof q.score === 'number' && typeof q.total === 'number') {
        quizzes[id] = { best: q.score, last: q.score, total: q.total, takenAt: String(q.takenAt ?? ''), attempts: 1 };
      }
    }
  }
  const exercises = isObject(v1.exercises) ? v1.exercises : {};
  return { version: 2, packs: { builtin: { lessonsRead, exercises, quizzes } } };
}

// --- Recording (pure updates of the in-memory progress; the caller saves) -------------------------

export function markLessonRead(progress: Progress, packId: string, lessonId: string, now: Date): void {
  const p = packProgress(progress, packId);
  p.lessonsRead[lessonId] ??= now.toISOString();
}

function exerciseProgress(progress: Progress, packId: string, exerciseId: string): ExerciseProgress {
  return (packProgress(progress, packId).exercises[exerciseId] ??= { attempts: 0, hintsUsed: 0 });
}

export function markExerciseOpened(progress: Progress, packId: string, exerciseId: string, now: Date): void {
  exerciseProgress(progress, packId, exerciseId).firstOpenedAt ??= now.toISOString();
}

/** Counts a check attempt; the first pass records attempts taken and the time since first opened. */
export function recordAttempt(progress: Progress, packId: string, exerciseId: string, passed: boolean, now: Date): void {
  const e = exerciseProgress(progress, packId, exerciseId);
  e.attempts += 1;
  e.lastAttemptAt = now.toISOString();
  e.firstOpenedAt ??= now.toISOString();
  if (passed && !e.passedAt) {
    e.passedAt = now.toISOString();
    e.firstPassAttempts = e.attempts;
    e.firstPassMs = Math.max(0, now.getTime() - Date.parse(e.firstOpenedAt));
  }
}

/** Records that hint number `shown` (1-based) has been revealed; keeps the highest. */
export function recordHint(progress: Progress, packId: string, exerciseId: string, shown: number): void {
  const e = exerciseProgress(progress, packId, exerciseId);
  e.hintsUsed = Math.max(e.hintsUsed, shown);
}

export function recordQuiz(progress: Progress, packId: string, lessonId: string, score: number, total: number, now: Date): void {
  const quizzes = packProgress(progress, packId).quizzes;
  const previous = quizzes[lessonId];
  quizzes[lessonId] = {
    best: Math.max(previous?.best ?? 0, score),
    last: score,
    total,
    takenAt: now.toISOString(),
    attempts: (previous?.attempts ?? 0) + 1,
  };
}

export function resetProgress(progress: Progress, packId?: string): void {
  if (packId === undefined) progress.packs = {};
  else delete progress.packs[packId];
}
