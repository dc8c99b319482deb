import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const fixture = (name: string) => join(repoRoot, 'tests/fixtures', name);

describe('lint command', () => {
  test('a clean pack exits 0 and says so', () => {
    const run = runCli(['lint', fixture('packs/lint-clean')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no errors, 0 warnings \(1 lesson, 1 exercise, 1 quiz question, \d+ mutants; [\d.]+ s\)/);
  });

  test('a pack with errors exits 1 and prints each problem as file:line relative to the cwd', () => {
    const run = runCli(['lint', fixture('broken-packs/solution-fails-a-check')], { cwd: repoRoot });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^tests\/fixtures\/broken-packs\/solution-fails-a-check\/01-intro\/exercises\/01-three\/exercise\.yaml:\d+: error: the reference solution/m);
    expect(run.stdout).toContain('1 error');
  });

  test('--json gives machine-readable problems with rule, file and line', () => {
    const run = runCli(['lint', fixture('broken-packs/broken-lesson-link'), '--json']);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.ok).toBe(false);
    expect(json.problems).toContainEqual(expect.objectContaining({ severity: 'error', rule: 'lesson-link', file: '01-intro/lesson.md', line: 11 }));
    expect(json.stats).toMatchObject({ lessons: 1, exercises: 1 });
  });

  test('a warning alone does not fail lint', () => {
    const run = runCli(['lint', fixture('broken-packs/lenient-checks')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning: with spec.replicas changed from 3 to 2, the solution still passes every check');
  });

  test('a folder that does not exist is a clear error, not a stack trace', () => {
    const run = runCli(['lint', fixture('no-such-pack')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('no lesson pack here');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  test('escape sequences in a pack are never sent to the terminal by lint', () => {
    const run = runCli(['lint', fixture('broken-packs/escape-sequences')]);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\u001b');
  });
});
