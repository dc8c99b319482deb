import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { renderMarkdown, loadPack } from '../../src/course/index.js';
import { cliPath, repoRoot, runCli } from '../helpers/cli.js';

const PACK = join(repoRoot, 'tests/fixtures/packs/external');
let tmp: string | undefined;
afterEach(() => tmp && rmSync(tmp, { recursive: true, force: true }));

describe('preview', () => {
  test('a lesson renders exactly as renderMarkdown renders it for learners', async () => {
    const run = runCli(['preview', 'platform-deployments', '--lessons', PACK]);
    expect(run.status).toBe(0);
    const lesson = loadPack(PACK).lessons[0]!;
    expect(run.stdout).toBe(await renderMarkdown(lesson.markdown, { width: 80, color: false }));
  });

  test('LESSON/EXERCISE renders the exercise title, task and hints', () => {
    const run = runCli(['preview', 'platform-batch/nightly-report', '--lessons', PACK]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Five report shards, two at a time');
    expect(run.stdout).toContain('Hint 1: completions and parallelism');
  });

  test('an unknown lesson or exercise is explained with a suggestion', () => {
    expect(runCli(['preview', 'platform-deploymnts', '--lessons', PACK]).stderr).toContain("did you mean 'platform-deployments'?");
    expect(runCli(['preview', 'platform-batch/nightly', '--lessons', PACK]).stderr).toContain("lesson 'platform-batch' has no exercise 'nightly'");
  });

  test('--watch re-renders when a file of the lesson is saved', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'course-preview-'));
    cpSync(PACK, tmp, { recursive: true });
    const child = spawn(process.execPath, [cliPath, 'preview', 'platform-batch', '--watch', '--lessons', tmp], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const waitFor = async (text: string) => {
      for (let i = 0; i < 400 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
      expect(out).toContain(text);
    };
    try {
      await waitFor('(watching');
      const md = join(tmp, '02-platform-batch/lesson.md');
      writeFileSync(md, readFileSync(md, 'utf8') + '\nA freshly saved paragraph.\n');
      await waitFor('A freshly saved paragraph.');
    } finally {
      child.kill('SIGINT');
    }
  });
});
