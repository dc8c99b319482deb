import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sandbox, SAMPLE_PACK, type Sandbox } from '../course/cli-sandbox.js';
import { runCli } from '../helpers/cli.js';

let sb: Sandbox;
beforeEach(() => (sb = sandbox()));
afterEach(() => sb.cleanup());

describe('list', () => {
  test('--json gives each exercise its id, lesson id and absolute starter and solution paths', () => {
    const run = sb.run(['list', '--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.exercises.map((e: { id: string; lesson: string }) => [e.id, e.lesson])).toEqual([
      ['three-replicas', 'deployments'],
      ['job-pi', 'jobs'],
    ]);
    for (const e of json.exercises) {
      expect(isAbsolute(e.starter) && isAbsolute(e.solution)).toBe(true);
      expect(readFileSync(e.starter, 'utf8')).toContain('apiVersion');
      expect(existsSync(e.solution)).toBe(true);
    }
    expect(json.exercises[0].starter).toBe(join(SAMPLE_PACK, '01-deployments/exercises/01-three-replicas/starter.yaml'));
    expect(json.lessons[0]).toMatchObject({ id: 'deployments', title: 'Deployments', quiz: { questions: 5 } });
  });

  test('text lists lessons and exercises with their status after a passing check', () => {
    sb.run(['check', join(SAMPLE_PACK, '01-deployments/exercises/01-three-replicas/solution.yaml'), '--exercise', 'three-replicas']);
    const run = sb.run(['list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/✓ three-replicas\s+Three web replicas/);
    expect(run.stdout).toMatch(/· job-pi\s+Five completions/);
    expect(run.stdout).toContain('1/2 exercises passed');
  });

  test('the built-in lessons list with starter and solution files that exist in the package', () => {
    const run = runCli(['list', '--json'], { env: { K8S_COURSE_HOME: sb.home } });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.pack.id).toBe('builtin');
    expect(json.exercises.length).toBeGreaterThan(0);
    for (const e of json.exercises) expect(existsSync(e.starter) && existsSync(e.solution)).toBe(true);
  });

  test('a broken pack is refused with lint-style problems, exit 1, never a stack trace', () => {
    const run = runCli(['list', '--lessons', join(SAMPLE_PACK, '01-deployments')], { env: { K8S_COURSE_HOME: sb.home } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the pack has no lessons');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
