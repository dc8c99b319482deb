import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadPack, PackError, readPack } from '../../../src/course/pack/load.js';
import { formatProblem } from '../../../src/course/types.js';

const SAMPLE = join(import.meta.dirname, '../../fixtures/packs/sample');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the sample pack, changed by `edit(dir)`. */
function pack(edit: (dir: string) => void = () => {}): string {
  const base = mkdtempSync(join(tmpdir(), 'pack-'));
  temps.push(base);
  const dir = join(base, 'pack');
  cpSync(SAMPLE, dir, { recursive: true });
  edit(dir);
  return dir;
}

function replace(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}

const LESSON = '01-deployments/lesson.md';
const EXERCISE = '01-deployments/exercises/01-three-replicas/exercise.yaml';
const QUIZ = '01-deployments/quiz.yaml';

function errors(dir: string): string[] {
  return readPack(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
}

describe('a valid pack', () => {
  test('the sample pack loads with its lessons, exercises, quiz and checks in prefix order', () => {
    const p = loadPack(SAMPLE);
    expect(p.id).toBe('pack:sample');
    expect(p.lessons.map((l) => l.id)).toEqual(['deployments', 'jobs']);
    expect(p.lessons[0]!.exercises.map((e) => e.id)).toEqual(['three-replicas']);
    expect(p.lessons[0]!.quiz!.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'order', 'predict']);
    expect(p.lessons[0]!.exercises[0]!.checks[0]!.title).toBe('3 pods with app=web are Running and Ready');
    expect(p.lessons[0]!.bodyLine).toBe(13);
  });

  test('lesson folders order by numeric value, not by text (2 before 10)', () => {
    const dir = pack((d) => cpSync(join(d, '02-jobs'), join(d, '10-more-jobs'), { recursive: true }));
    replace(join(dir, '10-more-jobs/lesson.md'), 'id: jobs', 'id: more-jobs');
    replace(join(dir, '10-more-jobs/exercises/01-pi/exercise.yaml'), 'id: job-pi', 'id: job-pi-2');
    expect(loadPack(dir).lessons.map((l) => l.folder)).toEqual(['01-deployments', '02-jobs', '10-more-jobs']);
  });

  test('the predict question keeps the files its scenario applies, read up front', () => {
    const q = loadPack(SAMPLE).lessons[0]!.quiz!.questions[4]!;
    expect(q.type === 'predict' && Object.keys(q.scenarioFiles)).toEqual(['web-v2.yaml']);
  });
});

describe('malformed packs give lint-style problems, never a crash or half a course', () => {
  test('loadPack refuses a pack with any error, listing file:line', () => {
    const dir = pack((d) => replace(join(d, EXERCISE), 'difficulty: 1', 'difficulty: 7'));
    expect(() => loadPack(dir)).toThrow(PackError);
    expect(errors(dir)).toEqual([`${EXERCISE}:3: error: difficulty: 'difficulty' must be a whole number from 1 to 3`]);
  });

  test('a lesson without front matter', () => {
    const dir = pack((d) => writeFileSync(join(d, LESSON), '# Just markdown\n'));
    expect(errors(dir)).toEqual([`${LESSON}:1: error: lesson.md must start with front matter: a line '---', YAML fields (id, title, summary, objectives, minutes), and a closing '---'`]);
  });

  test('an unknown key gets a did-you-mean, at its line in lesson.md', () => {
    const dir = pack((d) => replace(join(d, LESSON), 'minutes: 10', 'minutes: 10\nsumary: x'));
    expect(errors(dir)).toEqual([`${LESSON}:8: error: sumary: unknown key 'sumary' in the front matter (did you mean 'summary'?)`]);
  });

  test('a YAML syntax error points at its line', () => {
    const dir = pack((d) => replace(join(d, QUIZ), '    answer: 1\n', '    answer: [1\n'));
    expect(errors(dir)[0]).toMatch(/^01-deployments\/quiz\.yaml:7:\d+: error: /);
  });

  test('duplicate exercise ids across lessons', () => {
    const dir = pack((d) => replace(join(d, '02-jobs/exercises/01-pi/exercise.yaml'), 'id: job-pi', 'id: three-replicas'));
    expect(errors(dir).join('\n')).toContain("exercise id 'three-replicas' is already used by 01-deployments/exercises/01-three-replicas/exercise.yaml");
  });

  test('a single-choice answer out of range', () => {
    const dir = pack((d) => replace(join(d, QUIZ), '    answer: 1\n', '    answer: 4\n'));
    expect(errors(dir)).toEqual([`${QUIZ}:6: error: questions[0].answer: 'answer' must be a whole number from 0 to 3`]);
  });

  test('a check with two expectations is refused', () => {
    const dir = pack((d) => replace(join(d, EXERCISE), '    count: 3\n', '    count: 3\n    names: [a]\n'));
    expect(errors(dir).join('\n')).toContain('a check has exactly one expectation, found count, names');
  });

  test('a check on an unknown kind suggests the right spelling', () => {
    const dir = pack((d) => replace(join(d, EXERCISE), '{ kind: Deployment, name: web }', '{ kind: deployment, name: web }'));
    expect(errors(dir).join('\n')).toContain("unknown kind 'deployment' (did you mean 'Deployment'?)");
  });

  test('an invalid scenario step is reported at its line in exercise.yaml', () => {
    const dir = pack((d) => replace(join(d, EXERCISE), '    - wait: 30s\n    - delete', '    - wiat: 30s\n    - delete'));
    const e = errors(dir);
    expect(e).toHaveLength(1);
    expect(e[0]!.split('\n')[0]).toBe(`${EXERCISE}:12: error: scenario.steps[0].wiat: scenario: unknown step "wiat" (did you mean "wait"?)`);
  });

  test('an exercise without solution.yaml', () => {
    const dir = pack((d) => rmSync(join(d, '02-jobs/exercises/01-pi/solution.yaml')));
    expect(errors(dir)).toEqual(['02-jobs/exercises/01-pi/solution.yaml: error: missing: an exercise needs solution.yaml']);
  });
});

describe('hostile packs are refused', () => {
  test("a path with '..' may not leave the pack", () => {
    const dir = pack((d) => replace(join(d, LESSON), 'manifest: examples/web.yaml', 'manifest: ../../../etc/passwd'));
    expect(errors(dir)).toEqual([`${LESSON}:10: error: path '../../../etc/passwd' uses '..'; files must stay inside the lesson pack`]);
  });

  test('an absolute path is refused', () => {
    const dir = pack((d) => replace(join(d, QUIZ), 'manifest: examples/web.yaml', 'manifest: /etc/hostname'));
    expect(errors(dir).join('\n')).toContain("path '/etc/hostname' is absolute");
  });

  test('a symlink that leads outside the pack is refused', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    temps.push(outside);
    writeFileSync(join(outside, 'secret.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n');
    const dir = pack((d) => {
      rmSync(join(d, '01-deployments/examples/web.yaml'));
      symlinkSync(join(outside, 'secret.yaml'), join(d, '01-deployments/examples/web.yaml'));
    });
    expect(errors(dir).join('\n')).toContain('symlink that leads outside the lesson pack');
  });

  test('a huge file is refused with its size', () => {
    const dir = pack((d) => writeFileSync(join(d, LESSON), readFileSync(join(d, LESSON), 'utf8') + 'x'.repeat(300 * 1024)));
    expect(errors(dir)).toEqual([`${LESSON}: error: is 301 KiB, more than the 256 KiB a pack file may have`]);
  });

  test('a binary file is refused', () => {
    const dir = pack((d) => writeFileSync(join(d, QUIZ), Buffer.from([0x71, 0x3a, 0x00, 0x01])));
    expect(errors(dir)).toEqual([`${QUIZ}: error: is a binary file, not text`]);
  });

  test('terminal escape sequences in pack text are neutralised before display', () => {
    const dir = pack((d) => replace(join(d, LESSON), 'title: Deployments', 'title: "Deploy\\e[2J\\e]0;pwned\\aments"'));
    const title = loadPack(dir).lessons[0]!.title;
    expect(title).not.toMatch(/[\u001b\u0007]/);
    expect(title).toContain('\\x1b[2J');
  });

  test('escape sequences in a bad key do not reach the terminal through the problem list', () => {
    const dir = pack((d) => replace(join(d, LESSON), 'minutes: 10', 'minutes: 10\n"\\e[2Jx": 1'));
    let message = '';
    try {
      loadPack(dir);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("unknown key '\\x1b[2Jx'");
    expect(message).not.toContain('\u001b');
  });

  test('an alias bomb does not expand', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]}]`), 'questions: *h'].join('\n');
    const dir = pack((d) => writeFileSync(join(d, QUIZ), bomb));
    expect(errors(dir).length).toBeGreaterThan(0);
  });

  test('a lesson folder without a numeric prefix is an error, not silently skipped', () => {
    const dir = pack((d) => {
      mkdirSync(join(d, 'extra'));
      cpSync(join(d, LESSON), join(d, 'extra/lesson.md'));
    });
    expect(errors(dir)).toEqual(['extra/lesson.md: error: lesson folder \'extra\' needs a numeric prefix that orders it, e.g. 03-extra']);
  });
});

describe("scope { exercise: id } (what `check` loads)", () => {
  const loaded = (dir: string, id: string) => loadPack(dir, { scope: { exercise: id } }).lessons.map((l) => [l.id, l.exercises.map((e) => e.id)]);

  test('only the exercise with that id and its lesson, from the folder named after it', () => {
    expect(loaded(SAMPLE, 'three-replicas')).toEqual([['deployments', ['three-replicas']]]);
  });

  test('an exercise whose folder is not named after its id is still found', () => {
    expect(loaded(SAMPLE, 'job-pi')).toEqual([['jobs', ['job-pi']]]);
  });

  test('a folder named after the id that declares another id is not taken for it', () => {
    const dir = pack((d) => {
      cpSync(join(d, '02-jobs/exercises/01-pi'), join(d, '02-jobs/exercises/02-three-replicas'), { recursive: true });
      replace(join(d, '02-jobs/exercises/02-three-replicas/exercise.yaml'), 'id: job-pi', 'id: pi-again');
    });
    expect(loaded(dir, 'three-replicas')).toEqual([['deployments', ['three-replicas']]]);
    expect(loaded(dir, 'pi-again')).toEqual([['jobs', ['pi-again']]]);
  });

  test('when the only folder named after the id declares another, every exercise.yaml is read', () => {
    const dir = pack((d) => renameSync(join(d, '01-deployments/exercises/01-three-replicas'), join(d, '01-deployments/exercises/01-job-pi')));
    expect(loaded(dir, 'job-pi')).toEqual([['jobs', ['job-pi']]]);
    expect(loaded(dir, 'three-replicas')).toEqual([['deployments', ['three-replicas']]]);
  });

  test('an unknown id loads no lesson and no error', () => {
    const { pack: p, problems } = readPack(SAMPLE, { scope: { exercise: 'no-such-exercise' } });
    expect(p.lessons).toEqual([]);
    expect(problems.filter((x) => x.severity === 'error')).toEqual([]);
  });
});
