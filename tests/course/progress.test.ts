import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { emptyProgress, loadProgress, markExerciseOpened, migrate, progressPath, recordAttempt, recordHint, recordQuiz, saveProgress, PROGRESS_VERSION } from '../../src/course/progress.js';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function home(): string {
  const d = mkdtempSync(join(tmpdir(), 'progress-'));
  temps.push(d);
  return d;
}

describe('where progress lives', () => {
  test('K8S_COURSE_HOME overrides everything', () => {
    expect(progressPath({ env: { K8S_COURSE_HOME: '/x', XDG_DATA_HOME: '/y' } })).toBe('/x/progress.json');
  });
  test('XDG_DATA_HOME on Linux, else ~/.local/share', () => {
    expect(progressPath({ env: { XDG_DATA_HOME: '/data' } })).toBe('/data/k8s-workloads-course/progress.json');
    expect(progressPath({ env: { HOME: '/home/ann' } })).toBe('/home/ann/.local/share/k8s-workloads-course/progress.json');
  });
});

describe('saving and loading', () => {
  test('progress survives a save and a load, per pack', () => {
    const env = { K8S_COURSE_HOME: home() };
    const { progress, path } = loadProgress({ env });
    recordAttempt(progress, 'builtin', 'deploy-first', false, new Date('2030-01-01T00:00:00Z'));
    recordQuiz(progress, 'pack:acme', 'jobs', 4, 5, new Date('2030-01-01T00:00:00Z'));
    saveProgress(progress, path);
    const again = loadProgress({ env });
    expect(again.warnings).toEqual([]);
    expect(again.progress.packs.builtin!.exercises['deploy-first']!.attempts).toBe(1);
    expect(again.progress.packs['pack:acme']!.quizzes.jobs!.best).toBe(4);
  });

  test('writes atomically: no temporary file is left beside the progress file', () => {
    const dir = home();
    saveProgress(emptyProgress(), join(dir, 'progress.json'));
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  test('a corrupt file is moved aside with a warning and the course starts fresh', () => {
    const dir = home();
    writeFileSync(join(dir, 'progress.json'), '{"version": 2, "packs": {');
    const loaded = loadProgress({ env: { K8S_COURSE_HOME: dir } });
    expect(loaded.progress).toEqual(emptyProgress());
    expect(loaded.warnings[0]).toMatch(/could not be read \(it is not valid JSON\); moved it to .*progress\.json\.corrupt-/);
    expect(existsSync(join(dir, 'progress.json'))).toBe(false);
    expect(readdirSync(dir).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
  });

  test('a file from a newer, unknown schema is not silently overwritten', () => {
    const dir = home();
    writeFileSync(join(dir, 'progress.json'), JSON.stringify({ version: 99, packs: {} }));
    const loaded = loadProgress({ env: { K8S_COURSE_HOME: dir } });
    expect(loaded.warnings[0]).toContain('unknown schema version 99');
    expect(readdirSync(dir).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
  });

  test('version 1 (single pack at the top level) migrates to the built-in pack', () => {
    const v1 = { version: 1, lessons: ['deployments'], exercises: { 'deploy-first': { attempts: 2, hintsUsed: 1 } }, quizzes: { deployments: { score: 3, total: 4 } } };
    const m = migrate(v1);
    expect(m).toMatchObject({ version: PROGRESS_VERSION, packs: { builtin: { lessonsRead: { deployments: '1970-01-01T00:00:00.000Z' }, exercises: { 'deploy-first': { attempts: 2 } }, quizzes: { deployments: { best: 3, total: 4 } } } } });
  });

  test('an unwritable progress folder throws on save (callers turn it into a warning)', () => {
    const dir = home();
    mkdirSync(join(dir, 'ro'), { mode: 0o500 });
    if (process.getuid?.() === 0) return; // root can write anywhere
    expect(() => saveProgress(emptyProgress(), join(dir, 'ro', 'progress.json'))).toThrow();
  });
});

describe('recording', () => {
  test('the first pass records the attempts it took and the time since first opened', () => {
    const p = emptyProgress();
    markExerciseOpened(p, 'builtin', 'x', new Date('2030-01-01T00:00:00Z'));
    recordAttempt(p, 'builtin', 'x', false, new Date('2030-01-01T00:01:00Z'));
    recordAttempt(p, 'builtin', 'x', true, new Date('2030-01-01T00:05:00Z'));
    recordAttempt(p, 'builtin', 'x', true, new Date('2030-01-01T00:09:00Z'));
    expect(p.packs.builtin!.exercises.x).toMatchObject({ attempts: 3, firstPassAttempts: 2, firstPassMs: 5 * 60_000, passedAt: '2030-01-01T00:05:00.000Z' });
  });

  test('hints used keep the highest number revealed', () => {
    const p = emptyProgress();
    recordHint(p, 'builtin', 'x', 2);
    recordHint(p, 'builtin', 'x', 1);
    expect(p.packs.builtin!.exercises.x!.hintsUsed).toBe(2);
  });

  test('a quiz keeps the best score and the last one', () => {
    const p = emptyProgress();
    recordQuiz(p, 'builtin', 'jobs', 4, 5, new Date());
    recordQuiz(p, 'builtin', 'jobs', 2, 5, new Date());
    expect(p.packs.builtin!.quizzes.jobs).toMatchObject({ best: 4, last: 2, attempts: 2 });
  });

  test('saved JSON is readable (pretty, versioned)', () => {
    const dir = home();
    saveProgress(emptyProgress(), join(dir, 'p.json'));
    expect(JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')).version).toBe(PROGRESS_VERSION);
  });
});
