import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sandbox, type Sandbox } from '../course/cli-sandbox.js';
import { runPlainCourse } from '../../src/cli/plain/course.js';
import { PassThrough } from 'node:stream';
import { paint } from '../../src/cli/color.js';
import { SAMPLE_PACK } from '../course/cli-sandbox.js';

let sb: Sandbox;
beforeEach(() => (sb = sandbox()));
afterEach(() => sb.cleanup());

/** Runs the line-mode course in-process with typed answers. */
async function plain(lines: string[]): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += String(d)));
  stdin.end(lines.join('\n') + '\n');
  const io = { stdin, stdout, stderr: stdout, env: { K8S_COURSE_HOME: sb.home }, cwd: sb.cwd, color: paint(false), errColor: paint(false) };
  const code = await runPlainCourse(io, { lessons: SAMPLE_PACK });
  expect(code).toBe(0);
  return out;
}

describe('the --plain course', () => {
  test('reading a lesson renders its Markdown and marks it read', async () => {
    const out = await plain(['1', '1', '5', '3']);
    expect(out).toContain('A Deployment owns ReplicaSets');
    expect(out).not.toMatch(/\u001b\[/);
    const progress = JSON.parse(readFileSync(join(sb.home, 'progress.json'), 'utf8'));
    expect(Object.keys(progress.packs['pack:sample'].lessonsRead)).toEqual(['deployments']);
  });

  test('an exercise creates the workspace file, reveals hints one at a time and checks the file', async () => {
    const out = await plain(['1', '2', '2', '2', '1', '4', '5', '3']);
    const file = join(sb.workspace, 'three-replicas.yaml');
    expect(existsSync(file)).toBe(true);
    expect(out).toContain('Hint 1: Look at `spec.replicas`.');
    expect(out).toContain('Hint 2: The Pod template');
    expect(out).toContain('✗ 0 of 3 checks passed');
    const progress = JSON.parse(readFileSync(join(sb.home, 'progress.json'), 'utf8'));
    expect(progress.packs['pack:sample'].exercises['three-replicas']).toMatchObject({ attempts: 1, hintsUsed: 2 });
  });

  test('an edited workspace file is never overwritten by opening the exercise again', async () => {
    await plain(['1', '2', '4', '5', '3']);
    const file = join(sb.workspace, 'three-replicas.yaml');
    writeFileSync(file, '# my edits\n');
    await plain(['1', '2', '4', '5', '3']);
    expect(readFileSync(file, 'utf8')).toBe('# my edits\n');
  });
});
