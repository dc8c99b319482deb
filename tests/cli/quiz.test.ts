import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sandbox, type Sandbox } from '../course/cli-sandbox.js';

let sb: Sandbox;
beforeEach(() => (sb = sandbox()));
afterEach(() => sb.cleanup());

// Answers typed one per line (the line-mode prompter reads them when stdin is not a terminal):
// single → 2 (ReplicaSet controller), multiple → 1,3, truefalse → 2 (False), order, predict → 2 (two RSs).
const ALL_RIGHT = ['2', '1,3', '2', '', '2'];

function orderAnswer(out: string): string {
  // The order question lists the shuffled items; answer with their numbers in the right order.
  const listed = [...out.matchAll(/^\s+(\d)\. (Deployment|ReplicaSet|Pod)$/gm)].map((m) => [m[2]!, m[1]!] as const);
  const pos = new Map(listed);
  return ['Deployment', 'ReplicaSet', 'Pod'].map((i) => pos.get(i)).join(' ');
}

describe('quiz', () => {
  test('all answers right scores 5/5, explains each answer and saves the score', () => {
    const probe = sb.run(['quiz', 'deployments'], ALL_RIGHT.slice(0, 3).join('\n') + '\n');
    const answers = [...ALL_RIGHT];
    answers[3] = orderAnswer(probe.stdout);
    const run = sb.run(['quiz', 'deployments'], answers.join('\n') + '\n');
    expect(run.stdout).toContain('Score: 5/5');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('The Deployment controller manages ReplicaSets');
    const progress = JSON.parse(readFileSync(join(sb.home, 'progress.json'), 'utf8'));
    expect(progress.packs['pack:sample'].quizzes.deployments).toMatchObject({ best: 5, last: 5, total: 5 });
  });

  test('a wrong answer shows the right one; a predict answer is the computed one', () => {
    const probe = sb.run(['quiz', 'deployments'], ALL_RIGHT.slice(0, 3).join('\n') + '\n');
    const answers = ['1', '1,3', '2', orderAnswer(probe.stdout), '1'];
    const run = sb.run(['quiz', 'deployments'], answers.join('\n') + '\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✗ Not quite. The answer is: The ReplicaSet controller');
    expect(run.stdout).toContain('✗ Not quite. The answer is: 2');
    expect(run.stdout).toContain('Score: 3/5');
  });

  test('input ending before the quiz does is not saved as a score (exit 1)', () => {
    const run = sb.run(['quiz', 'deployments'], '2\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing was saved');
  });

  test('an unknown lesson gets a did-you-mean', () => {
    const run = sb.run(['quiz', 'deploymnts']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no lesson 'deploymnts' (did you mean 'deployments'?)");
  });
});
