// Pack YAML takes the js-yaml fast path when it can; the values must be exactly those of the yaml
// package's YAML 1.2 core schema (the reference), and problems must keep their lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parsePackYaml, type PathPart } from '../../../src/course/pack/yaml.js';
import { parseFast } from '../../../src/runtime/yaml/fast.js';
import { CORE_SCHEMA } from '../../../src/runtime/yaml/fast-schema.js';

const root = join(import.meta.dirname, '../../..');

function reference(text: string): unknown {
  return parseDocument(text, { uniqueKeys: true, schema: 'core' }).toJS();
}

/**
 * Both paths accept `text` or both refuse it; when accepted, the data equals the reference's.
 * Returns whether the fast path took it.
 */
function sameAsReference(text: string): boolean {
  const took = parseFast(text, CORE_SCHEMA) !== undefined;
  const parsed = parsePackYaml(text, 'f.yaml');
  if (parseDocument(text, { uniqueKeys: true, schema: 'core' }).errors.length > 0) {
    expect(took).toBe(false);
    expect(parsed.problems).not.toEqual([]);
    return took;
  }
  expect(parsed.problems).toEqual([]);
  expect(parsed.source!.data).toStrictEqual(reference(text));
  for (const path of pathsOf(parsed.source!.data)) expect([path, parsed.source!.lineOf(path)]).toEqual([path, referenceLine(text, path)]);
  return took;
}

/** The line the yaml package gives the value at `path`, or its deepest existing ancestor's. */
function referenceLine(text: string, path: PathPart[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, schema: 'core', lineCounter });
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Every path in `value`, plus a missing child of each collection. */
function pathsOf(value: unknown, prefix: PathPart[] = [], out: PathPart[][] = []): PathPart[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
    out.push([...prefix, 'missing', 0]);
  }
  return out;
}

// YAML 1.2 core resolves fewer forms than 1.1: yes/no, 0b, 0755-as-octal and `_` are strings or decimals.
const SCALARS = ['y', 'yes', 'No', 'on', 'OFF', 'true', 'True', 'TRUE', 'tRUE', 'false', 'FALSE', '~', 'null', 'Null', 'NULL', 'nULL',
  '0', '-0', '+0', '00', '017', '0755', '0o17', '0O17', '-0o17', '08', '0x1F', '0X1f', '-0x10', '+0x1F', '0b101', '1_000', '1e3', '1E+3',
  '1e-3', 'e5', '.5e1', '1.0', '1.50', '.5', '-.5', '+.5', '5.', '.', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN', '1:20',
  '2024-01-01', '12e', '0x', '+', '-1', '+12', 'nginx:1.27', '25%', 'a b', 'web-0'];

describe('pack YAML', () => {
  test('every tricky plain scalar reads as the YAML 1.2 core schema reads it, as a value, an item and a key', () => {
    for (const s of SCALARS) {
      expect([s, sameAsReference(`v: ${s}\n`)]).toEqual([s, true]);
      expect([s, sameAsReference(`- ${s}\n- [${s}, x]\n`)]).toEqual([s, true]);
      // A null key has no JS spelling the two would agree on: the reference reads it.
      expect([s, sameAsReference(`${s}: v\n`)]).toEqual([s, !/^(?:~|[Nn]ull|NULL)$/.test(s)]);
    }
  });

  test('random scalars of digits, signs and letters read the same on both paths', () => {
    const scalar = fc.string({ unit: fc.constantFrom(...'0123456789_.+-eExXoOnNtTfF'.split('')), minLength: 1, maxLength: 7 });
    fc.assert(fc.property(fc.array(scalar, { minLength: 1, maxLength: 5 }), (xs) => void sameAsReference(xs.map((x, i) => `k${i}: ${x}`).join('\n'))));
  });

  test('every YAML file of the built-in lessons and the pack fixtures reads the same on both paths', () => {
    const files = [...yamlFiles(join(root, 'lessons')), ...yamlFiles(join(root, 'tests/fixtures/packs'))].filter((f) => !/(starter|solution)\.yaml$|examples\//.test(f));
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (parseDocument(text).errors.length > 0) continue;
      if (sameAsReference(text)) fast++;
    }
    // Lesson packs are plain YAML: nearly all of them must take the fast path, or it buys nothing.
    expect(fast).toBeGreaterThan(files.length * 0.9);
  });

  test('a duplicate key, an alias or a second document are read by the reference, which reports them with their line', () => {
    expect(parsePackYaml('id: a\ntitle: t\nid: b\n', 'p.yaml').problems).toMatchObject([{ file: 'p.yaml', line: 3 }]);
    expect(parsePackYaml('a: &x [1]\nb: *x\n', 'p.yaml').source!.data).toEqual({ a: [1], b: [1] });
    expect(parsePackYaml('a: 1\n---\nb: 2\n', 'p.yaml').problems).toMatchObject([{ file: 'p.yaml', line: 2 }]);
  });

  test('an alias inside its own anchor is reported with its line, not read into a value that contains itself', () => {
    const r = parsePackYaml('id: a\nchecks: &c\n  - expect: *c\n', 'p.yaml');
    expect(r.source).toBeUndefined();
    expect(r.problems).toMatchObject([{ file: 'p.yaml', line: 3 }]);
    expect(r.problems[0]!.message).toContain('would contain itself');
  });

  test('an empty value gets the line the reference gives it', () => {
    const { source } = parsePackYaml('id: a\nhints:\ntask: t\n', 'p.yaml');
    expect(source!.lineOf(['hints'])).toBe(referenceLine('id: a\nhints:\ntask: t\n', ['hints']));
  });

  test('lines of fields come from the text, shifted by the offset of an embedded block', () => {
    const { source } = parsePackYaml('id: a\nsteps:\n  - wait: 1m\n  - apply: b.yaml\n', 'p.yaml', 10);
    expect(source!.lineOf(['steps', 1, 'apply'])).toBe(14);
    expect(source!.lineOf(['steps', 1, 'missing'])).toBe(14);
    expect(source!.lineOf(['id'])).toBe(11);
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

test('a key longer than the yaml package allows is refused, as the reference refuses it', () => {
  expect(parsePackYaml(`${'k'.repeat(1030)}: 1\n`, 'p.yaml').problems).not.toEqual([]);
});
