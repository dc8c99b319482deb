// The js-yaml fast path must be indistinguishable from the yaml package (the reference path): same
// values (numbers vs strings, -0, NaN), same document indexes, same positions for every path, same
// source text. Whatever it cannot match exactly it must hand to the reference path (parseFast → undefined).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFast } from '../../../src/runtime/yaml/fast.js';
import { LineIndex } from '../../../src/runtime/yaml/fast-doc.js';
import { parseYamlSafely, type PathSegment } from '../../../src/runtime/yaml/index.js';
import { parseReference } from '../../../src/runtime/yaml/reference.js';

const root = join(import.meta.dirname, '../../..');

/** Every path in `value`, plus a missing child of each collection (positionOf resolves it to the parent). */
function pathsOf(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length, 'below']);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
    out.push([...prefix, 'missing', 0]);
  }
  return out;
}

/** True when the fast path took `text`; then everything it gives must equal the reference's. */
function sameAsReference(text: string): boolean {
  if (parseFast(text) === undefined) return false;
  const reference = parseReference(text, 'f.yaml');
  expect(reference.problems).toEqual([]);
  const fast = parseYamlSafely(text, 'f.yaml');
  expect(fast.problems).toEqual([]);
  const summary = (d: (typeof fast.docs)[number]): unknown[] => [d.index, d.value, d.line, d.column];
  expect(fast.docs.map(summary)).toStrictEqual(reference.docs.map(summary));
  fast.docs.forEach((doc, i) => {
    const ref = reference.docs[i]!;
    for (const path of pathsOf(doc.value)) {
      for (const at of ['key', 'value'] as const) expect([path, at, doc.positionOf(path, at)]).toEqual([path, at, ref.positionOf(path, at)]);
      expect([path, doc.sourceOf(path)]).toEqual([path, ref.sourceOf(path)]);
    }
  });
  return true;
}

// Plain scalars of every form YAML 1.1 resolution treats specially, and near misses.
const BOOLEANS = ['y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF'];
const NULLS = ['~', 'null', 'Null', 'NULL', 'nULL', 'nil'];
const NUMBERS = ['0', '-0', '+0', '00', '0755', '0o17', '08', '09', '0_7', '0_', '0x1F', '0X1f', '0x_1', '-0x10', '0b101', '-0b1_1', '0B1', '1_000', '1__2', '_1', '1e3', '1E+3', '1e-3', 'e5', '1.0', '1.50', '.5', '5.', '.', '-.5', '1_0.0_1', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN', '1:20', '190:20:30', '2024-01-01', '2001-12-14t21:59:43.10-05:00', '12e', '0x', '1.2.3', '+', '-1', '+12'];
const WORDS = ['nginx:1.27', 'apps/v1', '500m', '1Gi', '25%', 'a b', 'Always', 'web-0', 'k=v', 'x.y', 'http://h/p?q=1', '"', "it's"];

const plainScalar = fc.oneof(
  fc.constantFrom(...BOOLEANS, ...NULLS, ...NUMBERS, ...WORDS),
  fc.string({ unit: fc.constantFrom(...'0123456789_.+-eExXbBoOnNyY'.split('')), minLength: 1, maxLength: 7 }),
);

const quotedScalar = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.string({ unit: fc.constantFrom(...'ab \'"#:\\n'.split('')), maxLength: 10 }).map((s) => `'${s.replace(/'/g, "''")}'`),
  fc.constantFrom('"\\t\\x41\\u00e9\\\\ \\" \\/"', '"a\\\n  b"', "'multi\n  line'", '"multi\n\n  line"'),
);

/** A block scalar header and body, for a value at `indent`. */
const blockScalar = fc
  .tuple(fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2', '>1-'), fc.array(fc.constantFrom('line', '  more indented', '', 'last words', '# not a comment'), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '\n', '\n\n'))
  .map(([header, lines, trailing]) => ({ header, lines, trailing }));

type Tree = { s: string } | { block: { header: string; lines: string[]; trailing: string } } | { map: [string, Tree][]; flow: boolean } | { seq: Tree[]; flow: boolean };

const tree = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plainScalar.map((s) => ({ s })),
    quotedScalar.map((s) => ({ s })),
    blockScalar.map((block) => ({ block })),
    fc.record({ map: fc.array(fc.tuple(fc.oneof(plainScalar, fc.constantFrom('name', 'image', 'replicas', '"quoted key"', "'k'")), tie('node')), { maxLength: 4 }), flow: fc.boolean() }),
    fc.record({ seq: fc.array(tie('node'), { maxLength: 4 }), flow: fc.boolean() }),
  ),
})).node;

/** A scalar safe inside a flow collection (plain scalars with flow indicators would change meaning). */
function flowScalar(t: Tree): string {
  if ('s' in t) return /[,[\]{}#]|: |\n/.test(t.s) ? JSON.stringify(t.s) : t.s;
  if ('block' in t) return JSON.stringify(t.block.lines.join('\n'));
  return renderFlow(t);
}

function renderFlow(t: Tree): string {
  if ('map' in t) return `{${t.map.map(([k, v]) => `${flowScalar({ s: k })}: ${flowScalar(v)}`).join(', ')}}`;
  if ('seq' in t) return `[${t.seq.map(flowScalar).join(', ')}]`;
  return flowScalar(t);
}

/** Renders a value after `key:` or `- ` at `indent` (the indentation of its parent's entries). */
function renderValue(t: Tree, indent: number): string {
  if ('s' in t) return ` ${t.s.replace(/\n/g, `\n${' '.repeat(indent + 2)}`)}\n`;
  if ('block' in t) {
    const pad = ' '.repeat(indent + 2);
    return ` ${t.block.header}\n${t.block.lines.map((l) => (l === '' ? '' : pad + l)).join('\n')}\n${t.block.trailing}`;
  }
  if (t.flow || ('map' in t ? t.map.length : t.seq.length) === 0) return ` ${renderFlow(t)}\n`;
  return `\n${renderBlock(t, indent + 2)}`;
}

function renderBlock(t: Tree, indent: number): string {
  const pad = ' '.repeat(indent);
  if ('map' in t) return t.map.map(([k, v]) => `${pad}${k}:${renderValue(v, indent)}`).join('');
  if ('seq' in t) return t.seq.map((v) => `${pad}-${renderValue(v, indent)}`).join('');
  return `${pad}${renderValue(t, indent - 2).trimStart()}`;
}

describe('the fast path reads plain scalars exactly as the reference does', () => {
  test('every tricky plain scalar, as a value, a list item, in flow, and as a key', () => {
    for (const s of [...BOOLEANS, ...NULLS, ...NUMBERS, ...WORDS]) {
      for (const text of [`k: ${s}\n`, `- ${s}\n`, `k: [${s}]\n`, `{k: ${s}}\n`, `${s}: v\n`]) sameAsReference(text);
      expect(sameAsReference(`k: ${s}\nother: 1\n`) || /[#'"]|^[%@]|: |^- /.test(s)).toBe(true);
    }
  });

  test('random numeric-looking scalars give the same number or string', () => {
    fc.assert(fc.property(plainScalar, (s) => void sameAsReference(`value: ${s}\nlist:\n- ${s}\n`)), { numRuns: 500 });
  });

  test('quoted scalars and block scalars with every chomping indicator', () => {
    fc.assert(fc.property(quotedScalar, blockScalar, (q, b) => void sameAsReference(renderBlock({ map: [['q', { s: q }], ['b', { block: b }], ['after', { s: 'x' }]], flow: false }, 0))), { numRuns: 300 });
  });
});

describe('the fast path builds the same documents as the reference', () => {
  test('random nested documents in block and flow style: values and every position', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, marker) => {
        const text = docs.map((d) => renderBlock(d, 0)).join('---\n');
        if (sameAsReference(marker ? `---\n${text}` : text)) fast++;
      }),
      { numRuns: 400 },
    );
    expect(fast).toBeGreaterThan(60); // not vacuous: many documents take the fast path (the others have duplicate keys, null keys...)
  });

  test('every manifest in tests/fixtures and lessons/', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.yaml') || name.endsWith('.yml')) files.push(path);
      }
    };
    walk(join(root, 'tests/fixtures'));
    walk(join(root, 'lessons'));
    const fast = files.filter((f) => sameAsReference(readFileSync(f, 'utf8')));
    expect(fast.length).toBeGreaterThan(files.length * 0.8);
  });

  test('every YAML example in the lessons', () => {
    const blocks = readdirSync(join(root, 'lessons')).flatMap((lesson) => {
      const md = join(root, 'lessons', lesson, 'lesson.md');
      return statSync(join(root, 'lessons', lesson)).isDirectory() && readdirSync(join(root, 'lessons', lesson)).includes('lesson.md')
        ? [...readFileSync(md, 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!)
        : [];
    });
    expect(blocks.length).toBeGreaterThan(0);
    for (const text of blocks) sameAsReference(text);
  });

  test('mutated manifests: when the fast path accepts one, the reference accepts it identically', () => {
    const seeds = readdirSync(join(root, 'tests/fixtures/manifests/valid')).map((f) => readFileSync(join(root, 'tests/fixtures/manifests/valid', f), 'utf8'));
    const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 4 }), ins: fc.string({ unit: fc.constantFrom(...' \n:-[]{},#|>\'"ab1.'.split('')), maxLength: 4 }) });
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 3 }), (seed, edits) => {
        const text = edits.reduce((t, e) => t.slice(0, e.at % (t.length + 1)) + e.ins + t.slice((e.at % (t.length + 1)) + e.del), seed);
        sameAsReference(text);
      }),
      { numRuns: 400 },
    );
  });
});

describe('what the fast path leaves to the reference path', () => {
  test.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['an explicit tag', 'a: !!str 1\n'],
    ['a custom tag', 'a: !thing 1\n'],
    ['a merge key', 'base: &b {x: 1}\nm:\n  <<: *b\n'],
    ['a bare merge key', '<<: {x: 1}\n'],
    ['a null key', '~: 1\n'],
    ['an empty key', ': 1\n'],
    ['a collection as a key', '[a, b]: 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a tab', 'a:\t1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a multi-line flow collection', 'a: [1,\n2]\n'],
    ['a multi-line quoted scalar', "a: 'x\ny'\n"],
    ['a flow pair in a sequence', 'a: [b: 1]\n'],
    ['a syntax error', 'a: [1\n'],
    ['a document marker glued to text', '---0: y\n'],
    ['a comment glued to a bracket', 'a: [1]#c\n'],
    ['nesting deeper than half the limit', `a: ${'['.repeat(60)}${']'.repeat(60)}\n`],
    // The yaml package refuses implicit keys over 1,024 characters; js-yaml takes them.
    ['a key over 1,024 characters', `${'k'.repeat(1030)}: 1\n`],
  ])('%s', (_, text) => {
    expect(parseFast(text)).toBeUndefined();
  });

  test('ordinary manifest text stays on the fast path: comments after brackets, * and & inside strings', () => {
    const text = 'a: []  # none yet\nb: {x: 1} # c\nschedule: "*/5 * * * *"\ncmd: ["sh", "-c", "a && b"]\nurl: http://h/p?q=1\n---\nc: 1\n';
    expect(parseFast(text)).toBeDefined();
    expect(sameAsReference(text)).toBe(true);
  });

  test('the reference path still gives what it always gave there', () => {
    expect(parseYamlSafely('a: &x 1\nb: *x\nc: !!str 2\n', 'f.yaml').docs[0]!.value).toEqual({ a: 1, b: 1, c: '2' });
    expect(parseYamlSafely('~: 1\n', 'f.yaml').docs[0]!.value).toEqual({ '': 1 });
    expect(parseYamlSafely('a: 1\na: 2\n', 'f.yaml').problems[0]).toMatchObject({ rule: 'yaml-duplicate-key', line: 2 });
  });

  test('an empty value takes its position from the reference parse of its own document', () => {
    const text = 'a: 1\n---\nspec:\n  template:\n  replicas: 2\n';
    expect(parseFast(text)).toBeDefined();
    const doc = parseYamlSafely(text, 'f.yaml').docs[1]!;
    const ref = parseReference(text, 'f.yaml').docs[1]!;
    expect(doc.positionOf(['spec', 'template'], 'value')).toEqual(ref.positionOf(['spec', 'template'], 'value'));
    expect(doc.positionOf(['spec', 'replicas'], 'value')).toEqual({ line: 5, column: 13 });
  });
});

describe('LineIndex', () => {
  test('gives 1-based lines and columns, counting lines at \\n', () => {
    const lines = new LineIndex('ab\ncd\n\nef');
    expect([0, 1, 3, 5, 6, 7, 8].map((o) => lines.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});
