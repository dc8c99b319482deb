import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sandbox, SAMPLE_PACK, type Sandbox } from '../course/cli-sandbox.js';

const SOLUTION = join(SAMPLE_PACK, '01-deployments/exercises/01-three-replicas/solution.yaml');
const STARTER = join(SAMPLE_PACK, '01-deployments/exercises/01-three-replicas/starter.yaml');

let sb: Sandbox;
beforeEach(() => (sb = sandbox()));
afterEach(() => sb.cleanup());

describe('progress', () => {
  test('progress accumulates across runs: attempts, first pass', () => {
    sb.run(['check', STARTER, '--exercise', 'three-replicas']);
    sb.run(['check', SOLUTION, '--exercise', 'three-replicas']);
    const run = sb.run(['progress', '--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.totals.exercisesPassed).toBe(1);
    expect(json.progress.exercises['three-replicas']).toMatchObject({ attempts: 2, firstPassAttempts: 2 });
    expect(sb.run(['progress']).stdout).toContain('three-replicas: 2 attempts, passed on attempt 2');
  });

  test('a corrupt progress file is moved aside with a warning and the course starts fresh', () => {
    mkdirSync(sb.home, { recursive: true });
    writeFileSync(join(sb.home, 'progress.json'), 'not json at all');
    const run = sb.run(['list']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: progress file .* could not be read \(it is not valid JSON\); moved it to .*corrupt/);
    expect(readdirSync(sb.home).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
    expect(sb.run(['check', SOLUTION, '--exercise', 'three-replicas']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(sb.home, 'progress.json'), 'utf8')).version).toBe(2);
  });

  test('--reset --yes forgets this pack only', () => {
    sb.run(['check', SOLUTION, '--exercise', 'three-replicas']);
    const run = sb.run(['progress', '--reset', '--yes']);
    expect(run.status).toBe(0);
    expect(JSON.parse(sb.run(['progress', '--json']).stdout).totals.exercisesPassed).toBe(0);
  });
});
