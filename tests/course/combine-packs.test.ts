import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { combinePacks } from '../../src/course/pack/combine.js';
import { loadCoursePack, PackError } from '../../src/course/index.js';
import { repoRoot } from '../helpers/cli.js';

const external = () => loadCoursePack({ lessons: join(repoRoot, 'tests/fixtures/packs/external'), cwd: repoRoot });
const builtin = () => loadCoursePack({ cwd: repoRoot });

describe('packs run together', () => {
  test('lessons keep their order and each lesson and exercise keeps its own pack id', () => {
    const course = combinePacks([builtin(), external()]);
    expect(course.lessons[0]!.packId).toBe('builtin');
    expect(course.lessons.at(-1)!.packId).toBe('pack:acme-platform');
    expect(course.lessons.at(-1)!.exercises.every((e) => e.packId === 'pack:acme-platform')).toBe(true);
  });

  test('the same lesson or exercise id in two packs is refused with the reason', () => {
    const error = (() => {
      try {
        combinePacks([external(), external()]);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).message).toContain("exercise id 'nightly-report' is also used by ACME platform course");
  });

  test('a single pack is returned as it is', () => {
    const pack = external();
    expect(combinePacks([pack])).toBe(pack);
  });
});
