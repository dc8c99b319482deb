// Random and mutated manifests: the parser and validator answer every input with data, never an
// exception (the validator's own safety net, rule 'internal', must never be needed). Speed is in bench/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { formatProblem, loadManifestText } from '../../../src/runtime/validate/index.js';
import { parseYamlSafely } from '../../../src/runtime/yaml/index.js';

const dir = join(import.meta.dirname, '../../fixtures/manifests/valid');
const seeds = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(dir, f), 'utf8'));

function answered(text: string): void {
  const { problems, objects } = loadManifestText(text, 'fuzz.yaml');
  expect(problems.filter((p) => p.rule === 'internal')).toEqual([]);
  for (const p of problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(formatProblem(p, { source: text })).not.toMatch(/\u001b/);
  }
  expect(Array.isArray(objects)).toBe(true);
}

const yamlChars = fc.constantFrom(...' \t\n:-[]{},#&*!|>\'"%@`?abcAZ019.\\/'.split(''));

const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: yamlChars, maxLength: 6 }) }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), len: fc.nat() }),
);

type Mutation = { op: 'delete'; at: number; len: number } | { op: 'insert'; at: number; text: string } | { op: 'swapLines'; at: number; len: number };

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  if (m.op === 'delete') return text.slice(0, at) + text.slice(at + m.len);
  if (m.op === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  const lines = text.split('\n');
  const i = m.at % lines.length;
  const j = m.len % lines.length;
  [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  return lines.join('\n');
}

/** Replaces the value at a random path of a parsed manifest with a random JSON value. */
function replaceAt(value: unknown, picks: number[], replacement: unknown): unknown {
  if (picks.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [pick, ...rest] = picks as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const copy = [...value];
    const i = pick % copy.length;
    copy[i] = replaceAt(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[pick % keys.length]!;
  return { ...value, [key]: replaceAt((value as Record<string, unknown>)[key], rest, replacement) };
}

describe('fuzzing never makes the parser or the validator throw', () => {
  test('random text', () => {
    fc.assert(fc.property(fc.string({ unit: yamlChars, maxLength: 300 }), (text) => answered(text)), { numRuns: 300 });
  });

  test('random unicode, including control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      expect(() => parseYamlSafely(text, 'f.yaml')).not.toThrow();
      answered(text);
    }), { numRuns: 200 });
  });

  test('valid manifests with text mutations', () => {
    fc.assert(fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, ms) => answered(ms.reduce(mutate, seed))), { numRuns: 200 });
  });

  test('valid manifests with a random value at a random path', () => {
    const docs = seeds.flatMap((s) => parseYamlSafely(s, 'seed.yaml').docs.map((d) => d.value));
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.array(fc.nat(), { maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), (doc, picks, replacement) => {
        answered(stringify(replaceAt(doc, picks, replacement)));
      }),
      { numRuns: 200 },
    );
  });
});
