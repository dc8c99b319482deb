import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkManifestAgainst, loadPack } from '../../src/course/index.js';
import { lintPack } from '../../src/course/lint/index.js';
import { runCli } from '../helpers/cli.js';

let cwd: string;
beforeEach(() => (cwd = mkdtempSync(join(tmpdir(), 'course-new-'))));
afterEach(() => rmSync(cwd, { recursive: true, force: true }));
const cli = (args: string[]) => runCli(args, { cwd });

describe('new lesson / new exercise', () => {
  test('the scaffolded lesson and exercise lint clean, and the starter fails its checks', async () => {
    expect(cli(['new', 'lesson', 'rolling-updates', '--dir', 'pack']).status).toBe(0);
    expect(cli(['new', 'exercise', 'rolling-updates', 'three-replicas', '--dir', 'pack']).status).toBe(0);
    const report = await lintPack(join(cwd, 'pack'));
    expect(report.problems).toEqual([]);
    expect(report.stats.mutants).toBeGreaterThan(0);
    const exercise = loadPack(join(cwd, 'pack')).lessons[0]!.exercises[0]!;
    expect(checkManifestAgainst(exercise, readFileSync(exercise.starter, 'utf8'), 'starter.yaml').status).toBe('failed');
  });

  test('lessons and exercises are numbered after the last one', () => {
    cli(['new', 'lesson', 'first', '--dir', 'pack']);
    cli(['new', 'lesson', 'second', '--dir', 'pack']);
    cli(['new', 'exercise', 'second', 'one', '--dir', 'pack']);
    cli(['new', 'exercise', '02-second', 'two', '--dir', 'pack']);
    expect(existsSync(join(cwd, 'pack/02-second/exercises/02-two/exercise.yaml'))).toBe(true);
    expect(existsSync(join(cwd, 'pack/01-first/lesson.md'))).toBe(true);
  });

  test('the default pack folder is ./lessons', () => {
    expect(cli(['new', 'lesson', 'intro']).status).toBe(0);
    expect(existsSync(join(cwd, 'lessons/01-intro/lesson.md'))).toBe(true);
  });

  test('an id already used is refused and nothing is overwritten', () => {
    cli(['new', 'lesson', 'intro', '--dir', 'pack']);
    const lesson = join(cwd, 'pack/01-intro/lesson.md');
    writeFileSync(lesson, readFileSync(lesson, 'utf8') + '\nMy own text.\n');
    const again = cli(['new', 'lesson', 'intro', '--dir', 'pack']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("the pack already has a lesson 'intro'");
    expect(readFileSync(lesson, 'utf8')).toContain('My own text.');
    cli(['new', 'exercise', 'intro', 'ex', '--dir', 'pack']);
    expect(cli(['new', 'exercise', 'intro', 'ex', '--dir', 'pack']).stderr).toContain("already has an exercise 'ex'");
  });

  test('a slug that is not an id, an unknown lesson and a missing argument are explained', () => {
    expect(cli(['new', 'lesson', 'Bad_Name']).stderr).toContain("the lesson id 'Bad_Name' must be lowercase letters");
    cli(['new', 'lesson', 'intro', '--dir', 'pack']);
    expect(cli(['new', 'exercise', 'intra', 'x', '--dir', 'pack']).stderr).toContain("no lesson 'intra'");
    const usage = cli(['new', 'exercise', 'intro']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("'new exercise' needs a <lesson> and a <slug>");
  });
});
