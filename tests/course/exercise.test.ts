import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkExercise } from '../../src/course/exercise.js';
import { loadPack } from '../../src/course/pack/load.js';

const pack = loadPack(join(import.meta.dirname, '../fixtures/packs/sample'));
const ex = (id: string) => pack.lessons.flatMap((l) => l.exercises).find((e) => e.id === id)!;
const check = (id: string, which: 'starter' | 'solution') => checkExercise(pack, id, readFileSync(ex(id)[which], 'utf8'), `${id}.yaml`);

describe('checking an exercise on the simulated cluster', () => {
  test('the reference solution passes every check and the run is kept for replay', () => {
    const r = check('three-replicas', 'solution');
    expect(r.status).toBe('passed');
    expect(r.checks.every((c) => c.passed)).toBe(true);
    expect(r.simulation!.steps.map((s) => s.description)).toHaveLength(3);
    expect(r.summary).toBe('all 3 checks passed');
  });

  test('the starter (1 replica) fails with expected vs observed, the pod table and the events', () => {
    const r = check('three-replicas', 'starter');
    expect(r.status).toBe('failed');
    const pods = r.checks[0]!;
    expect(pods.passed).toBe(false);
    expect(pods.expected).toBe('exactly 3 Pods with app=web that are Running and Ready at the end');
    expect(pods.observed).toMatch(/^1 matched \(web-[a-z0-9]+-[a-z0-9]{5}\) at the end$/);
    expect(pods.tables[0]!.rows).toHaveLength(1);
    expect(pods.events.some((e) => e.reason === 'SuccessfulCreate')).toBe(true);
    expect(r.summary).toBe('0 of 3 checks passed');
  });

  test('a Job with completions 5 and parallelism 2 never has more than 2 active', () => {
    expect(check('job-pi', 'solution').status).toBe('passed');
    const starter = check('job-pi', 'starter');
    expect(starter.checks.map((c) => c.passed)).toEqual([false, true]);
    expect(starter.checks[0]!.observed).toContain('status.succeeded=1');
  });

  test('an invalid manifest yields the validator problems and nothing is simulated', () => {
    const r = checkExercise(pack, 'three-replicas', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: three\n', 'mine.yaml');
    expect(r.status).toBe('invalid');
    expect(r.simulation).toBeUndefined();
    expect(r.problems.some((p) => p.severity === 'error' && p.file === 'mine.yaml' && p.line === 5)).toBe(true);
  });

  test('an empty file is invalid, not a run of nothing', () => {
    const r = checkExercise(pack, 'three-replicas', '# nothing yet\n', 'mine.yaml');
    expect(r.status).toBe('invalid');
    expect(r.problems[0]!.message).toContain('no Kubernetes objects');
  });

  test('names from the learner file are made safe for the terminal in explanations', () => {
    // A double-quoted YAML string may carry an ESC (\e); the image name reaches event messages.
    const text = readFileSync(ex('three-replicas').starter, 'utf8').replace('image: nginx:1.27', 'image: "nginx\\e[2J:1.27"');
    const r = checkExercise(pack, 'three-replicas', text, 'x.yaml');
    expect(r.status).toBe('failed');
    const shown = r.checks.flatMap((c) => [c.observed, c.expected, ...c.events.map((e) => e.message), ...c.tables.flatMap((t) => t.rows.flat())]).join('\n');
    expect(shown).toContain('nginx\\x1b[2J');
    expect(shown).not.toMatch(/[\u001b\u009b]/);
  });
});
