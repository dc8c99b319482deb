/**
 * The course a learner runs: one lesson pack, or the built-in lessons followed by another pack.
 * (Which pack is chosen — options or a config file — is src/course/config.ts.)
 */
import { resolveLessons, type LessonsChoice } from '../config.js';
import type { Pack, Problem } from '../types.js';
import { loadCoursePack, PackError, type PackLoadOptions } from './load.js';

/** The packs to run, in course order: the built-in one first when asked, then the chosen pack. */
export function loadChosenPacks(choice: LessonsChoice, cwd: string, scope?: PackLoadOptions['scope']): Pack[] {
  if (!choice.lessons) return [loadCoursePack({ cwd, scope })];
  const own = loadCoursePack({ lessons: choice.lessons, cwd, scope });
  return choice.withBuiltin ? [loadCoursePack({ cwd, scope }), own] : [own];
}

/**
 * Several packs as one course, lessons in pack order. Each lesson and exercise keeps its packId, so
 * progress stays per pack; ids must not collide, since workspace files are named by exercise id.
 */
export function combinePacks(packs: Pack[]): Pack {
  if (packs.length === 1) return packs[0]!;
  const last = packs[packs.length - 1]!;
  const problems = [...collisions(packs, (p) => p.lessons.map((l) => l.id), 'lesson'), ...collisions(packs, (p) => p.lessons.flatMap((l) => l.exercises.map((e) => e.id)), 'exercise')];
  if (problems.length > 0) throw new PackError(last.dir, problems);
  return {
    id: packs.map((p) => p.id).join('+'),
    title: last.title,
    dir: last.dir,
    builtin: false,
    lessons: packs.flatMap((p) => p.lessons),
    warnings: packs.flatMap((p) => p.warnings),
  };
}

function collisions(packs: Pack[], ids: (p: Pack) => string[], what: string): Problem[] {
  const seen = new Map<string, Pack>();
  const problems: Problem[] = [];
  for (const pack of packs) {
    for (const id of ids(pack)) {
      const earlier = seen.get(id);
      if (earlier && earlier !== pack) {
        problems.push({ severity: 'error', file: '.', message: `${what} id '${id}' is also used by ${earlier.title}; rename it in this pack so both can run together` });
      }
      seen.set(id, pack);
    }
  }
  return problems;
}

/** The course the options and config files choose: `--lessons`, `--with-builtin`, else a config file. */
export function openConfiguredPack(opts: { lessons?: string | undefined; withBuiltin?: boolean | undefined; env: NodeJS.ProcessEnv; cwd: string; scope?: PackLoadOptions['scope'] }): Pack {
  const choice = resolveLessons(opts);
  return combinePacks(loadChosenPacks(choice, opts.cwd, opts.scope));
}
