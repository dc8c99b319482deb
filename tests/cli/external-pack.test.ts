// A lesson pack from outside the package (tests/fixtures/packs/external) run end to end through the
// built CLI with --lessons: list, check, quiz, progress kept under its own pack id; and the config file
// that can name it instead of --lessons.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ConfigError, resolveLessons } from '../../src/course/config.js';
import { loadChosenPacks } from '../../src/course/pack/combine.js';
import { repoRoot, runCli } from '../helpers/cli.js';

const PACK = join(repoRoot, 'tests/fixtures/packs/external');
const EX = join(PACK, '02-platform-batch/exercises/01-nightly-report');
let root: string;
let home: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'course-external-'));
  home = join(root, 'home');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
const cli = (args: string[], input?: string) => runCli([...args, '--lessons', PACK], { cwd: root, env: { K8S_COURSE_HOME: home, K8S_COURSE_WORKSPACE: '' }, ...(input !== undefined ? { input } : {}) });

describe('an external lesson pack, end to end', () => {
  test('list shows its lessons and exercises under its own pack id', () => {
    const run = cli(['list', '--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.pack).toMatchObject({ id: 'pack:acme-platform', title: 'ACME platform course' });
    expect(json.exercises.map((e: { id: string }) => e.id)).toEqual(['acme-web', 'nightly-report']);
  });

  test('check passes the reference solution and fails the starter; progress is kept for the pack', () => {
    const pass = cli(['check', join(EX, 'solution.yaml'), '--exercise', 'nightly-report']);
    expect(pass.status).toBe(0);
    expect(pass.stdout).toContain('all 3 checks passed');
    const fail = cli(['check', join(EX, 'starter.yaml'), '--exercise', 'nightly-report']);
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain('✗ The Job completed 5 shards');
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(progress.packs['pack:acme-platform'].exercises['nightly-report'].attempts).toBe(2);
  });

  test('quiz: the single question and the computed predict answer are scored', () => {
    const run = cli(['quiz', 'platform-deployments'], '2\n2\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Score: 2/2');
  });

  test('the pack lints clean', () => {
    expect(runCli(['lint', PACK]).status).toBe(0);
  });
});

describe('the lessons config file', () => {
  const env = () => ({ HOME: home, XDG_CONFIG_HOME: join(root, 'xdg') });

  test('.k8s-workloads-course.json in the cwd names the pack, relative to the file', () => {
    writeFileSync(join(root, '.k8s-workloads-course.json'), JSON.stringify({ lessons: PACK, withBuiltin: true }));
    const choice = resolveLessons({ env: env(), cwd: root });
    expect(choice).toMatchObject({ lessons: PACK, withBuiltin: true, configFile: join(root, '.k8s-workloads-course.json') });
    expect(loadChosenPacks(choice, root).map((p) => p.id)).toEqual(['builtin', 'pack:acme-platform']);
  });

  test('the XDG config dir is used when the cwd has none; paths are relative to the file', () => {
    mkdirSync(join(root, 'xdg/k8s-workloads-course'), { recursive: true });
    writeFileSync(join(root, 'xdg/k8s-workloads-course/config.json'), JSON.stringify({ lessons: '../../pack' }));
    expect(resolveLessons({ env: env(), cwd: root })).toMatchObject({ lessons: join(root, 'pack'), withBuiltin: false });
  });

  test('--lessons wins over the config file; no config means the built-in pack', () => {
    writeFileSync(join(root, '.k8s-workloads-course.json'), JSON.stringify({ lessons: 'elsewhere' }));
    expect(resolveLessons({ lessons: 'mine', env: env(), cwd: root })).toEqual({ lessons: join(root, 'mine'), withBuiltin: false });
    rmSync(join(root, '.k8s-workloads-course.json'));
    expect(resolveLessons({ env: env(), cwd: root })).toEqual({ withBuiltin: false });
  });

  test('a broken config file is a clear error naming the file and the setting', () => {
    writeFileSync(join(root, '.k8s-workloads-course.json'), JSON.stringify({ lesson: 'x' }));
    expect(() => resolveLessons({ env: env(), cwd: root })).toThrow(ConfigError);
    expect(() => resolveLessons({ env: env(), cwd: root })).toThrow("unknown setting 'lesson' (did you mean 'lessons'?)");
    writeFileSync(join(root, '.k8s-workloads-course.json'), '{ not json');
    expect(() => resolveLessons({ env: env(), cwd: root })).toThrow('is not valid JSON');
  });
});

describe('running a pack after the built-in lessons', () => {
  const run = (args: string[], cwd = root) => runCli(args, { cwd, env: { K8S_COURSE_HOME: home, K8S_COURSE_WORKSPACE: '', HOME: home, XDG_CONFIG_HOME: join(root, 'xdg') } });

  test('--with-builtin lists the built-in lessons first, then the pack', () => {
    const json = JSON.parse(run(['list', '--json', '--lessons', PACK, '--with-builtin']).stdout);
    const ids = json.lessons.map((l: { id: string }) => l.id);
    expect(ids[0]).toBe('workload-resources');
    expect(ids.slice(-2)).toEqual(['platform-deployments', 'platform-batch']);
    expect(json.exercises.map((e: { id: string }) => e.id)).toContain('nightly-report');
  });

  test('a config file in the cwd chooses the pack without --lessons', () => {
    writeFileSync(join(root, '.k8s-workloads-course.json'), JSON.stringify({ lessons: PACK }));
    const json = JSON.parse(run(['list', '--json']).stdout);
    expect(json.pack.id).toBe('pack:acme-platform');
  });

  test('progress stays per pack when packs run together', () => {
    writeFileSync(join(root, '.k8s-workloads-course.json'), JSON.stringify({ lessons: PACK, withBuiltin: true }));
    expect(run(['check', join(EX, 'solution.yaml'), '--exercise', 'nightly-report']).status).toBe(0);
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(progress.packs['pack:acme-platform'].exercises['nightly-report'].passedAt).toBeTruthy();
    expect(progress.packs['builtin']).toBeUndefined();
  });

  test('a broken config file is an input error, not a crash', () => {
    writeFileSync(join(root, '.k8s-workloads-course.json'), '{ not json');
    const result = run(['list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('.k8s-workloads-course.json: is not valid JSON');
    expect(result.stderr).not.toContain('    at ');
  });
});

