import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadPack } from '../../src/course/pack/load.js';
import { exerciseForFile, openExercise, resetExercise, resolveWorkspace } from '../../src/course/workspace.js';

const pack = loadPack(join(import.meta.dirname, '../fixtures/packs/sample'));
const exercise = pack.lessons[0]!.exercises[0]!;
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function ws(): string {
  const d = mkdtempSync(join(tmpdir(), 'ws-'));
  temps.push(d);
  return join(d, 'k8s-workloads-course');
}

describe('workspace', () => {
  test('--workspace wins over $K8S_COURSE_WORKSPACE, which wins over ./k8s-workloads-course', () => {
    expect(resolveWorkspace({ flag: 'a', env: { K8S_COURSE_WORKSPACE: '/b' }, cwd: '/c' })).toBe('/c/a');
    expect(resolveWorkspace({ env: { K8S_COURSE_WORKSPACE: '/b' }, cwd: '/c' })).toBe('/b');
    expect(resolveWorkspace({ env: {}, cwd: '/c' })).toBe('/c/k8s-workloads-course');
  });

  test('the exercise file is created from the starter on first open', () => {
    const dir = ws();
    const opened = openExercise(dir, exercise);
    expect(opened).toMatchObject({ path: join(dir, 'three-replicas.yaml'), created: true, edited: false });
    expect(readFileSync(opened.path, 'utf8')).toBe(readFileSync(exercise.starter, 'utf8'));
  });

  test('an edited file is never overwritten by opening again', () => {
    const dir = ws();
    const { path } = openExercise(dir, exercise);
    writeFileSync(path, 'my work\n');
    const again = openExercise(dir, exercise);
    expect(again).toMatchObject({ created: false, edited: true, text: 'my work\n' });
    expect(readFileSync(path, 'utf8')).toBe('my work\n');
  });

  test('reset restores the starter and keeps the learner version as a backup, never overwriting a backup', () => {
    const dir = ws();
    const { path } = openExercise(dir, exercise);
    writeFileSync(path, 'first try\n');
    const r1 = resetExercise(dir, exercise);
    writeFileSync(path, 'second try\n');
    const r2 = resetExercise(dir, exercise);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(exercise.starter, 'utf8'));
    expect(readFileSync(r1.backup!, 'utf8')).toBe('first try\n');
    expect(readFileSync(r2.backup!, 'utf8')).toBe('second try\n');
  });

  test('reset of an unedited file makes no backup', () => {
    const dir = ws();
    openExercise(dir, exercise);
    expect(resetExercise(dir, exercise).backup).toBeUndefined();
    expect(existsSync(join(dir, 'three-replicas.yaml.bak-1'))).toBe(false);
  });

  test('a workspace file names its exercise', () => {
    expect(exerciseForFile(pack, '/any/where/job-pi.yaml')?.id).toBe('job-pi');
    expect(exerciseForFile(pack, '/any/where/job-pi.yml')?.id).toBe('job-pi');
    expect(exerciseForFile(pack, '/any/where/nope.yaml')).toBeUndefined();
  });
});
