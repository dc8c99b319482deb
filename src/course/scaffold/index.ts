/**
 * `new lesson` / `new exercise`: adds a folder to a pack from the templates, numbered after the last
 * one. Never overwrites: an existing folder, or an id already used in the pack, is refused.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closest } from '../../util/suggest.js';
import { ID_PATTERN, ID_RULE } from '../pack/fields.js';
import { readPack } from '../pack/load.js';
import { EXERCISE_YAML, fill, LESSON_MD, QUIZ_YAML, SOLUTION_YAML, STARTER_YAML } from './templates.js';

/** A reason not to scaffold (bad slug, clash, unknown lesson): shown as is. */
export class ScaffoldError extends Error {}

export interface Scaffolded {
  /** The new folder and the files written, absolute. */
  dir: string;
  files: string[];
}

export function newLesson(packDir: string, slug: string): Scaffolded {
  checkSlug(slug, 'lesson');
  mkdirSync(packDir, { recursive: true });
  const { pack } = readPack(packDir);
  if (pack.lessons.some((l) => l.id === slug)) throw new ScaffoldError(`the pack already has a lesson '${slug}'`);
  const dir = join(packDir, `${nextPrefix(packDir)}-${slug}`);
  return write(dir, { 'lesson.md': fill(LESSON_MD, slug), 'quiz.yaml': fill(QUIZ_YAML, slug) });
}

export function newExercise(packDir: string, lessonRef: string, slug: string): Scaffolded {
  checkSlug(slug, 'exercise');
  const { pack } = readPack(packDir);
  const lesson = pack.lessons.find((l) => l.id === lessonRef || l.folder === lessonRef);
  if (!lesson) {
    const ids = pack.lessons.map((l) => l.id);
    const near = closest(lessonRef, ids);
    throw new ScaffoldError(`no lesson '${lessonRef}' in ${packDir}` + (near ? ` (did you mean '${near}'?)` : ids.length ? `; lessons: ${ids.join(', ')}` : '; create one with: new lesson <slug>'));
  }
  const taken = pack.lessons.flatMap((l) => l.exercises).find((e) => e.id === slug);
  if (taken) throw new ScaffoldError(`the pack already has an exercise '${slug}' (in lesson '${taken.lessonId}'); exercise ids are unique in a pack`);
  const exercises = join(lesson.dir, 'exercises');
  const dir = join(exercises, `${nextPrefix(exercises)}-${slug}`);
  return write(dir, { 'exercise.yaml': fill(EXERCISE_YAML, slug), 'starter.yaml': fill(STARTER_YAML, slug), 'solution.yaml': fill(SOLUTION_YAML, slug) });
}

function checkSlug(slug: string, what: string): void {
  if (!ID_PATTERN.test(slug)) throw new ScaffoldError(`the ${what} id '${slug}' ${ID_RULE}, e.g. rolling-updates`);
}

/** One more than the highest numeric prefix in `dir`, two digits at least. */
function nextPrefix(dir: string): string {
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const max = Math.max(0, ...names.map((n) => Number(/^(\d+)[-_]/.exec(n)?.[1] ?? 0)));
  return String(max + 1).padStart(2, '0');
}

function write(dir: string, files: Record<string, string>): Scaffolded {
  if (existsSync(dir)) throw new ScaffoldError(`${dir} already exists; nothing was written`);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    // 'wx': fail rather than overwrite, even if something appeared meanwhile.
    writeFileSync(path, text, { flag: 'wx' });
    written.push(path);
  }
  return { dir, files: written };
}
