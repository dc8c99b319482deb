import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { readPack } from '../../../src/course/pack/load.js';

const SAMPLE = join(import.meta.dirname, '../../fixtures/packs/sample');
const base = mkdtempSync(join(tmpdir(), 'pack-fuzz-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const dir = join(base, 'pack');
cpSync(SAMPLE, dir, { recursive: true });

const FILES = ['01-deployments/quiz.yaml', '01-deployments/exercises/01-three-replicas/exercise.yaml'];

// Values shaped like pack YAML but wrong in every way: nulls, numbers where lists go, deep nesting.
const shaped = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.constantFrom('id', 'type', 'title', 'checks', 'select', 'kind', 'count', 'where', 'when', 'during', 'order', 'state', 'event', 'ask', 'questions', 'choices', 'answer', 'answers', 'items', 'scenario', 'steps', 'fields', 'perNode', 'nodes', 'names', 'selector', 'ownedBy'), tie('value'), { maxKeys: 5 }),
})).object;

/** Walks into `data` choosing children by `walk` (modulo their count) and replaces the last one reached. */
function replaceAt(data: unknown, walk: number[], value: unknown): void {
  let node = data as Record<string, unknown>;
  for (const [i, step] of walk.entries()) {
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[step % keys.length]!;
    const child = node[key];
    if (i === walk.length - 1 || typeof child !== 'object' || child === null) {
      node[key] = value;
      return;
    }
    node = child as Record<string, unknown>;
  }
}

describe('reading a malformed pack never throws', () => {
  test('arbitrary YAML-shaped data in quiz.yaml and exercise.yaml gives problems, not exceptions', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), shaped, (file, data) => {
        writeFileSync(join(dir, file), stringify(data));
        const r = readPack(dir);
        expect(Array.isArray(r.problems)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  test('a valid exercise or quiz with one value anywhere replaced by a wrong one gives problems, not exceptions', () => {
    const originals = FILES.map((f) => parse(readFileSync(join(SAMPLE, f), 'utf8')) as unknown);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FILES.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.oneof(shaped, fc.constant(null), fc.integer(), fc.string()), (which, walk, replacement) => {
        const data = structuredClone(originals[which]);
        replaceAt(data, walk, replacement);
        writeFileSync(join(dir, FILES[which]!), stringify(data));
        expect(() => readPack(dir)).not.toThrow();
      }),
      { numRuns: 200 },
    );
    FILES.forEach((f) => cpSync(join(SAMPLE, f), join(dir, f)));
  });

  test('arbitrary text in lesson.md gives problems, not exceptions', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        writeFileSync(join(dir, '02-jobs/lesson.md'), text);
        expect(() => readPack(dir)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});
