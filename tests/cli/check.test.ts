import { readFileSync, readdirSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sandbox, SAMPLE_PACK, startCli, type Sandbox } from '../course/cli-sandbox.js';
import { runCli } from '../helpers/cli.js';

const STARTER = join(SAMPLE_PACK, '01-deployments/exercises/01-three-replicas/starter.yaml');
const SOLUTION = join(SAMPLE_PACK, '01-deployments/exercises/01-three-replicas/solution.yaml');

let sb: Sandbox;
beforeEach(() => (sb = sandbox()));
afterEach(() => sb.cleanup());

describe('check', () => {
  test('a passing solution exits 0 with every check ✓ and counts as passed in progress', () => {
    const run = sb.run(['check', SOLUTION, '--exercise', 'three-replicas']);
    expect(run.stdout).toContain('✓ all 3 checks passed');
    expect(run.status).toBe(0);
    const progress = JSON.parse(readFileSync(join(sb.home, 'progress.json'), 'utf8'));
    expect(progress.packs['pack:sample'].exercises['three-replicas']).toMatchObject({ attempts: 1, firstPassAttempts: 1 });
  });

  test('a failing manifest exits 1 explaining expected vs observed, with the pod table and events', () => {
    const run = sb.run(['check', STARTER, '--exercise', 'three-replicas']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ 3 pods with app=web are Running and Ready');
    expect(run.stdout).toContain('expected: exactly 3 Pods with app=web that are Running and Ready at the end');
    expect(run.stdout).toMatch(/observed: 1 matched \(web-\S+\) at the end/);
    expect(run.stdout).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+NODE/);
    expect(run.stdout).toMatch(/SuccessfulCreate\s+ReplicaSet\/web-/);
    expect(run.stdout).toContain('✗ 0 of 3 checks passed');
  });

  test('an invalid manifest exits 1 with the validator message at file:line and nothing simulated', () => {
    writeFileSync(join(sb.cwd, 'three-replicas.yaml'), readFileSync(STARTER, 'utf8').replace('replicas: 1', 'replicas: three'));
    const run = sb.run(['check', 'three-replicas.yaml']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('The manifest is not valid, so nothing was simulated');
    expect(run.stdout).toMatch(/three-replicas\.yaml:6:\d+: error: /);
    expect(run.stdout).not.toContain('checks passed');
  });

  test('the exercise is inferred from the workspace file name; an unknown name is explained', () => {
    writeFileSync(join(sb.cwd, 'three-replicas.yaml'), readFileSync(SOLUTION, 'utf8'));
    expect(sb.run(['check', 'three-replicas.yaml']).status).toBe(0);
    writeFileSync(join(sb.cwd, 'three-replica.yaml'), readFileSync(SOLUTION, 'utf8'));
    const run = sb.run(['check', 'three-replica.yaml']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('(did you mean three-replicas.yaml?)');
  });

  test('--exercise without FILE checks the workspace file, creating it from the starter once', () => {
    const first = sb.run(['check', '--exercise', 'three-replicas']);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('from the exercise\'s starter');
    const file = join(sb.workspace, 'three-replicas.yaml');
    writeFileSync(file, readFileSync(SOLUTION, 'utf8'));
    const second = sb.run(['check', '--exercise', 'three-replicas']);
    expect(second.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(SOLUTION, 'utf8'));
  });

  test('--json gives machine-readable checks without the bulky timeline', () => {
    const run = sb.run(['check', STARTER, '--exercise', 'three-replicas', '--json']);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ exercise: 'three-replicas', status: 'failed' });
    expect(json.checks).toHaveLength(3);
    expect(json.checks[0]).toMatchObject({ passed: false, title: '3 pods with app=web are Running and Ready' });
    expect(json.simulation.timeline).toBeUndefined();
  });

  test('usage: neither FILE nor --exercise is a usage error (exit 2); a missing file exits 1', () => {
    expect(sb.run(['check']).status).toBe(2);
    const missing = sb.run(['check', 'nope.yaml', '--exercise', 'three-replicas']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });

  test('--watch re-checks after the file is saved, also when an editor replaces it, until interrupted', async () => {
    const file = join(sb.cwd, 'three-replicas.yaml');
    writeFileSync(file, readFileSync(STARTER, 'utf8'));
    const cli = startCli(sb, ['check', 'three-replicas.yaml', '--watch']);
    try {
      await cli.waitFor(/checks passed/);
      expect(cli.output()).toContain('✗ 0 of 3 checks passed');
      // Save the way many editors do: write a new file and rename it over the old one.
      writeFileSync(`${file}.tmp`, readFileSync(SOLUTION, 'utf8'));
      renameSync(`${file}.tmp`, file);
      await cli.waitFor(/✓ all 3 checks passed/);
      writeFileSync(file, readFileSync(STARTER, 'utf8'));
      await cli.waitFor(/✗ 0 of 3 checks passed/, 2);
      expect(cli.child.exitCode).toBeNull();
    } finally {
      cli.child.kill('SIGINT');
    }
    await new Promise((r) => cli.child.once('exit', r));
    expect(existsSync(file)).toBe(true);
  });
});

describe('check: the code cache of its bundle (course home/code-cache)', () => {
  const check = () => sb.run(['check', SOLUTION, '--exercise', 'three-replicas']);
  const cacheFiles = () => readdirSync(join(sb.home, 'code-cache')).map((name) => join(sb.home, 'code-cache', name));

  test('the first check writes one cache file; the next checks give the same verdict', () => {
    const first = check();
    expect(cacheFiles()).toHaveLength(1);
    const second = check();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  test('a corrupt cache still gives the right verdict (pass and fail), and is replaced', () => {
    const clean = check();
    const [file] = cacheFiles();
    const data = readFileSync(file!);
    for (let i = 64; i < data.length; i += 997) data[i] ^= 0x5a;
    writeFileSync(file!, data);
    const run = check();
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(clean.stdout);
    expect(readFileSync(file!).equals(data)).toBe(false);
    writeFileSync(file!, 'garbage');
    const failing = sb.run(['check', STARTER, '--exercise', 'three-replicas']);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('✗ 0 of 3 checks passed');
  });

  test('an unwritable course home: the check still runs and passes, with a warning about progress', () => {
    writeFileSync(join(sb.cwd, 'not-a-folder'), '');
    const run = runCli(['check', SOLUTION, '--exercise', 'three-replicas', '--lessons', SAMPLE_PACK], { cwd: sb.cwd, env: { K8S_COURSE_HOME: join(sb.cwd, 'not-a-folder', 'home') } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✓ all 3 checks passed');
    expect(run.stderr).toContain('could not save progress');
  });
});
