import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, KEY, PtySession, SAMPLE_PACK, tempDir } from './pty.js';

const SOLUTION = join(SAMPLE_PACK, '01-deployments/exercises/01-three-replicas/solution.yaml');
let session: PtySession | undefined;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`build first: ${CLI} is missing (npx tsc -p tsconfig.build.json)`);
});

afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

/** Starts the course and opens the sample pack's first exercise (the row under its lesson). */
async function openExercise(opts: ConstructorParameters<typeof PtySession>[0] = {}): Promise<PtySession> {
  session = new PtySession(opts);
  await session.waitFor('Continue:');
  session.send(KEY.down + KEY.enter);
  await session.waitFor('Your file:');
  return session;
}

describe('exercises in the full-screen course', () => {
  it('checking the starter fails and explains each check with expected and observed', async () => {
    const s = await openExercise();
    s.send('c');
    const text = await s.waitFor('NOT YET');
    expect(text).toMatch(/✗ 3 pods with app=web are Running and Ready/);
    expect(text).toContain('observed:');
  });

  it('an editor that writes the solution is handed the screen, and the file is checked when it exits', async () => {
    const dir = tempDir();
    const editor = join(dir, 'editor.sh');
    // The "editor": copies the reference solution over the file it is given, as a learner would type it.
    writeFileSync(editor, `#!/bin/sh\ncp '${SOLUTION}' "$1"\n`);
    chmodSync(editor, 0o755);
    const s = await openExercise({ dir, env: { EDITOR: editor } });
    s.send('e');
    const text = await s.waitFor('PASSED');
    expect(text).toMatch(/✓ 3 pods with app=web are Running and Ready/);
    expect(readFileSync(join(dir, 'ws', 'three-replicas.yaml'), 'utf8')).toBe(readFileSync(SOLUTION, 'utf8'));
    expect(s.term.buffer.active.type).toBe('alternate');
  });

  it('saving the file from outside re-checks it while the exercise is open', async () => {
    const s = await openExercise();
    writeFileSync(join(s.dir, 'ws', 'three-replicas.yaml'), readFileSync(SOLUTION, 'utf8'));
    await s.waitFor('PASSED');
  });

  it('after a failed check the solution can be revealed, after confirming', async () => {
    const s = await openExercise();
    s.send('c');
    await s.waitFor('NOT YET');
    s.send('s');
    await s.waitFor('Reveal the reference solution?');
    s.send('y');
    await s.waitFor('Reference solution');
  });

  it('the cluster view replays the run: stepping changes the instant and shows its events', async () => {
    const s = await openExercise();
    s.send('c');
    await s.waitFor('NOT YET');
    s.send('v');
    let text = await s.waitFor(/instant 1\/\d+/);
    expect(text).toContain('┌─ node-1');
    expect(text).toContain('Events at this instant');
    expect(text).toMatch(/Deployment web/);
    s.send(KEY.right);
    text = await s.waitFor(/instant 2\/\d+/);
    expect(text).toMatch(/R✓ web-/);
    s.send('G');
    text = await s.waitFor(/instant (\d+)\/\1/);
    s.send(KEY.left);
    await s.waitFor(/instant (\d+)\/(?!\1)\d+/);
    s.send(KEY.escape);
    await s.waitForGone('Events at this instant');
    expect(s.text()).toContain('NOT YET');
  });

  it('space plays the timeline to its end', async () => {
    const s = await openExercise();
    s.send('c');
    await s.waitFor('NOT YET');
    s.send('v');
    await s.waitFor(/instant 1\/\d+/);
    s.send(' ');
    await s.waitFor('▶');
    await s.waitFor(/❚❚ .*instant (\d+)\/\1/, 20_000);
  });
});

describe('the sandbox', () => {
  it('runs any manifest file in the cluster view', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.yaml'), readFileSync(SOLUTION, 'utf8'));
    session = new PtySession({ dir });
    const s = session;
    await s.waitFor('Continue:');
    s.send('m');
    await s.waitFor('Manifest file to run:');
    s.send('mine.yaml' + KEY.enter);
    const text = await s.waitFor('sandbox: mine.yaml');
    expect(text).toMatch(/instant 1\/\d+/);
    s.send('G');
    await s.waitFor(/R✓ web-/);
  });

  it('says what is wrong with a file that does not run', async () => {
    session = new PtySession();
    const s = session;
    await s.waitFor('Continue:');
    s.send('m');
    await s.waitFor('Manifest file to run:');
    s.send('missing.yaml' + KEY.enter);
    await s.waitFor('cannot read');
  });
});

describe('quizzes in the full-screen course', () => {
  it('answers a question and shows the verdict with the explanation, then the next question', async () => {
    session = new PtySession();
    const s = session;
    await s.waitFor('Continue:');
    s.send(KEY.down + KEY.down + KEY.enter);
    await s.waitFor('Which controller creates the Pods of a Deployment?');
    s.send(KEY.down + KEY.enter);
    const text = await s.waitFor('Correct!');
    expect(text).toContain('the ReplicaSet controller creates Pods');
    s.send(KEY.enter);
    await s.waitFor('Which of these kinds manage Pods?');
  });

  it('goes through every question type to a saved score, and shows a predict answer in the cluster view', async () => {
    session = new PtySession();
    const s = session;
    await s.waitFor('Continue:');
    s.send(KEY.down + KEY.down + KEY.enter);
    await s.waitFor('Question 1 of 5');
    s.send(KEY.down + KEY.enter); // single: the ReplicaSet controller
    await s.waitFor('Correct!');
    s.send(KEY.enter);
    await s.waitFor('Question 2 of 5');
    s.send(' ' + KEY.down + KEY.down + ' ' + KEY.enter); // multiple: ReplicaSet and Job
    await s.waitFor('Correct!');
    s.send(KEY.enter);
    await s.waitFor('Question 3 of 5');
    s.send(KEY.down + KEY.enter); // true/false: False
    await s.waitFor('Correct!');
    s.send(KEY.enter);
    await s.waitFor('Question 4 of 5');
    s.send(KEY.enter); // order: submitted as shown, judged by the engine
    await s.waitFor(/Correct!|Not quite/);
    s.send(KEY.enter);
    await s.waitFor('Question 5 of 5');
    s.send(KEY.down + KEY.enter); // predict: 2 ReplicaSets
    await s.waitFor('Correct!');
    s.send('v');
    await s.waitFor('answer: 2');
    s.send(KEY.escape);
    await s.waitForGone('answer: 2');
    s.send(KEY.enter);
    const text = await s.waitFor('Quiz finished');
    expect(text).toMatch(/You scored [45] out of 5/);
    s.send(KEY.escape);
    await s.waitFor(/quiz [45]\/5/);
  });

  it('a wrong answer shows the right one', async () => {
    session = new PtySession();
    const s = session;
    await s.waitFor('Continue:');
    s.send(KEY.down + KEY.down + KEY.enter);
    await s.waitFor('Which controller creates the Pods of a Deployment?');
    s.send(KEY.enter);
    await s.waitFor('The answer: The ReplicaSet controller');
  });
});
