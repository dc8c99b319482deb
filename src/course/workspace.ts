/**
 * The learner's workspace: one file per exercise, `<exercise-id>.yaml`, created from the starter on first
 * open and never overwritten afterwards; `reset` restores the starter after backing up the learner's file.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Exercise, Pack } from './types.js';

export const DEFAULT_WORKSPACE = 'k8s-workloads-course';

/** `--workspace`, else $K8S_COURSE_WORKSPACE, else ./k8s-workloads-course (relative to `cwd`). */
export function resolveWorkspace(opts: { flag?: string; env: NodeJS.ProcessEnv; cwd: string }): string {
  return resolve(opts.cwd, opts.flag || opts.env.K8S_COURSE_WORKSPACE || DEFAULT_WORKSPACE);
}

export function exerciseFile(workspace: string, exercise: Pick<Exercise, 'id'>): string {
  return resolve(workspace, `${exercise.id}.yaml`);
}

export interface OpenedExercise {
  path: string;
  text: string;
  /** True when this call created the file from the starter. */
  created: boolean;
  /** True when the file differs from the starter (the learner edited it). */
  edited: boolean;
}

/** The learner's file for the exercise, created from the starter if it does not exist yet. */
export function openExercise(workspace: string, exercise: Exercise): OpenedExercise {
  const path = exerciseFile(workspace, exercise);
  const starter = readFileSync(exercise.starter, 'utf8');
  if (!existsSync(path)) {
    mkdirSync(workspace, { recursive: true });
    // 'wx' fails if another process created the file meanwhile: we never overwrite.
    try {
      writeFileSync(path, starter, { flag: 'wx' });
      return { path, text: starter, created: true, edited: false };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const text = readFileSync(path, 'utf8');
  return { path, text, created: false, edited: text !== starter };
}

export interface ResetResult {
  path: string;
  /** Where the learner's previous version was saved, if it differed from the starter. */
  backup?: string;
}

/** Restores the starter; an edited file is first renamed to `<id>.yaml.bak-<n>` (never overwriting a backup). */
export function resetExercise(workspace: string, exercise: Exercise): ResetResult {
  const path = exerciseFile(workspace, exercise);
  mkdirSync(workspace, { recursive: true });
  const starter = readFileSync(exercise.starter, 'utf8');
  let backup: string | undefined;
  if (existsSync(path) && readFileSync(path, 'utf8') !== starter) {
    backup = freeBackupName(path);
    renameSync(path, backup);
  }
  copyFileSync(exercise.starter, path);
  return backup ? { path, backup } : { path };
}

function freeBackupName(path: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${path}.bak-${n}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** The exercise a workspace file belongs to, from its name (`deploy-first.yaml` → `deploy-first`). */
export function exerciseForFile(pack: Pack, file: string): Exercise | undefined {
  const ext = extname(file);
  if (ext !== '.yaml' && ext !== '.yml') return undefined;
  const id = basename(file, ext);
  return findExercise(pack, id);
}

export function findExercise(pack: Pack, id: string): Exercise | undefined {
  for (const lesson of pack.lessons) for (const e of lesson.exercises) if (e.id === id) return e;
  return undefined;
}

export function allExercises(pack: Pack): Exercise[] {
  return pack.lessons.flatMap((l) => l.exercises);
}
