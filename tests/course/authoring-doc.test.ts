// The worked example in docs/AUTHORING.md must be what it claims: a complete lesson that loads clean,
// whose solution passes, whose starter fails and whose predict question the runtime answers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkManifestAgainst } from '../../src/course/exercise.js';
import { readPack } from '../../src/course/pack/load.js';
import { predictChoiceIndexes } from '../../src/course/quiz.js';

const doc = readFileSync(join(import.meta.dirname, '../../docs/AUTHORING.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'authoring-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fenced block right after a line "`my-pack/<path>`:". */
function block(path: string): string {
  const at = doc.indexOf('`my-pack/' + path + '`:');
  if (at < 0) throw new Error(`docs/AUTHORING.md has no block for ${path}`);
  const m = /\n(`{3,4})\w*\n([\s\S]*?)\n\1\n/.exec(doc.slice(at));
  return m![2]! + '\n';
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

test('the worked example lesson in docs/AUTHORING.md loads clean and its exercise and quiz work', () => {
  const lesson = block('01-first-steps/lesson.md');
  write('01-first-steps/lesson.md', lesson);
  const deployment = /```yaml\n([\s\S]*?)```/.exec(lesson)![1]!;
  write('01-first-steps/examples/web.yaml', deployment);
  write('01-first-steps/examples/web.scenario.yaml', block('01-first-steps/examples/web.scenario.yaml'));
  write('01-first-steps/quiz.yaml', block('01-first-steps/quiz.yaml'));
  write('01-first-steps/exercises/01-three-replicas/exercise.yaml', block('01-first-steps/exercises/01-three-replicas/exercise.yaml'));
  write('01-first-steps/exercises/01-three-replicas/starter.yaml', deployment.replace('replicas: 3', 'replicas: 1'));
  write('01-first-steps/exercises/01-three-replicas/solution.yaml', deployment);
  const { pack, problems } = readPack(dir);
  expect(problems).toEqual([]);
  const exercise = pack.lessons[0]!.exercises[0]!;
  expect(checkManifestAgainst(exercise, readFileSync(exercise.solution, 'utf8'), 'solution.yaml').status).toBe('passed');
  expect(checkManifestAgainst(exercise, readFileSync(exercise.starter, 'utf8'), 'starter.yaml').status).toBe('failed');
  const predict = pack.lessons[0]!.quiz!.questions.find((q) => q.type === 'predict')!;
  expect(predict.type === 'predict' && predictChoiceIndexes(predict)).toEqual([1]);
});
