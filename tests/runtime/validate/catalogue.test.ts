// The catalogue of broken and valid manifests under tests/fixtures/manifests/.
// A broken manifest states the errors it must produce in YAML comments:
//   `# expect: <rule> ~ <text>`           on the line the error must point at
//   `# expect-line <n>: <rule> ~ <text>`  anywhere, for errors whose line cannot carry a comment
// <text> must appear in the message or the hint. Every error produced must be expected.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadManifestText, type Problem } from '../../../src/runtime/validate/index.js';

const root = join(import.meta.dirname, '../../fixtures/manifests');

interface Expectation {
  line: number;
  rule: string;
  text?: string;
}

function expectationsOf(source: string): Expectation[] {
  const result: Expectation[] = [];
  source.split('\n').forEach((line, i) => {
    const m = /#\s*expect(?:-line (\d+))?:\s*([\w-]+)(?:\s*~\s*(.*?))?\s*$/.exec(line);
    if (m) result.push({ line: m[1] ? Number(m[1]) : i + 1, rule: m[2]!, ...(m[3] ? { text: m[3] } : {}) });
  });
  return result;
}

function matches(p: Problem, e: Expectation): boolean {
  return p.rule === e.rule && p.line === e.line && (!e.text || `${p.message} ${p.hint ?? ''}`.includes(e.text));
}

const invalid = readdirSync(join(root, 'invalid')).filter((f) => f.endsWith('.yaml')).sort();
const valid = readdirSync(join(root, 'valid')).filter((f) => f.endsWith('.yaml')).sort();

describe('broken manifests produce the expected errors', () => {
  test('the catalogue has at least 60 broken manifests, each with an expectation', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(60);
  });
  test.each(invalid)('%s', (name) => {
    const source = readFileSync(join(root, 'invalid', name), 'utf8');
    const expected = expectationsOf(source);
    expect(expected.length).toBeGreaterThan(0);
    const { problems } = loadManifestText(source, name, { advice: false });
    const errors = problems.filter((p) => p.severity === 'error');
    for (const e of expected) {
      expect(errors.some((p) => matches(p, e)), `expected ${JSON.stringify(e)} in ${JSON.stringify(errors, null, 1)}`).toBe(true);
    }
    const unexpected = errors.filter((p) => !expected.some((e) => matches(p, e)));
    expect(unexpected).toEqual([]);
  });
});

describe('valid manifests produce no errors', () => {
  test('the catalogue has at least 20 valid manifests', () => {
    expect(valid.length).toBeGreaterThanOrEqual(20);
  });
  test.each(valid)('%s', (name) => {
    const source = readFileSync(join(root, 'valid', name), 'utf8');
    const { objects, problems } = loadManifestText(source, name);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(objects.length).toBeGreaterThan(0);
  });
});
