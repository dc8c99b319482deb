import { describe, expect, test } from 'vitest';
import { codeFrame, MAX_BYTES, parseYamlSafely, sanitizeForTerminal } from '../../../src/runtime/yaml/index.js';

const rules = (text: string): string[] => parseYamlSafely(text, 'f.yaml').problems.map((p) => p.rule);

describe('parseYamlSafely', () => {
  test('splits multi-document files and skips empty documents', () => {
    const { docs, problems } = parseYamlSafely('a: 1\n---\n---\n# only a comment\n---\nb: 2\n', 'f.yaml');
    expect(problems).toEqual([]);
    expect(docs.map((d) => [d.index, d.value])).toEqual([[0, { a: 1 }], [3, { b: 2 }]]);
  });

  test('finds the line and column of a key, a list item and a value', () => {
    const { docs } = parseYamlSafely('spec:\n  containers:\n  - name: web\n    image: nginx\n', 'f.yaml');
    const doc = docs[0]!;
    expect(doc.positionOf(['spec', 'containers'])).toEqual({ line: 2, column: 3 });
    expect(doc.positionOf(['spec', 'containers', 0, 'image'])).toEqual({ line: 4, column: 5 });
    expect(doc.positionOf(['spec', 'containers', 0, 'image'], 'value')).toEqual({ line: 4, column: 12 });
  });

  test('a path that does not exist resolves to its deepest existing ancestor', () => {
    const { docs } = parseYamlSafely('spec:\n  template: {}\n', 'f.yaml');
    expect(docs[0]!.positionOf(['spec', 'template', 'spec', 'containers'])).toEqual({ line: 2, column: 3 });
  });

  test('reads YAML 1.1 booleans as Kubernetes (go-yaml) does, and keeps dates as strings', () => {
    const { docs } = parseYamlSafely('a: yes\nb: off\nc: 2024-01-01\nd: 1:20\n', 'f.yaml');
    expect(docs[0]!.value).toEqual({ a: true, b: false, c: '2024-01-01', d: '1:20' });
  });

  test('tabs used for indentation are reported with their position', () => {
    const { problems } = parseYamlSafely('a:\n\tb: 1\n', 'f.yaml');
    expect(problems[0]).toMatchObject({ rule: 'yaml-tab', line: 2, column: 1 });
  });

  test('duplicate keys are errors naming the key', () => {
    const { problems } = parseYamlSafely('name: a\nname: b\n', 'f.yaml');
    expect(problems[0]).toMatchObject({ rule: 'yaml-duplicate-key', line: 2 });
    expect(problems[0]!.message).toContain('"name"');
  });

  test('a syntax error in one document leaves the other documents usable', () => {
    const { docs, problems } = parseYamlSafely('a: [1\n---\nb: 2\n', 'f.yaml');
    expect(problems.length).toBeGreaterThan(0);
    expect(docs.map((d) => d.value)).toEqual([{ b: 2 }]);
  });
});

describe('hostile input is refused with a message, never a crash', () => {
  test('an alias bomb (billion laughs) is refused', () => {
    let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 9; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    expect(rules(text)).toEqual(['yaml-alias-bomb']);
  });

  test.each([
    ['a mapping', 'metadata: &m\n  name: x\n  annotations: *m\n', 3],
    ['a sequence', 'spec: &s\n  containers:\n  - name: a\n    args: *s\n', 4],
    ['a flow sequence', 'args: &a [1, *a]\n', 1],
  ])('an alias inside its own anchor (%s) is refused where it stands, as go-yaml refuses it', (_what, text, line) => {
    const { docs, problems } = parseYamlSafely(text, 'f.yaml');
    expect(docs).toEqual([]);
    expect(problems).toMatchObject([{ rule: 'yaml-alias-cycle', line }]);
    expect(problems[0]!.message).toContain('would contain itself');
  });

  test('an alias after its anchor, even nested next to it, is not a cycle', () => {
    const { docs, problems } = parseYamlSafely('a: &x {k: v}\nb:\n  c: *x\n  d: [*x]\n', 'f.yaml');
    expect(problems).toEqual([]);
    expect(docs[0]!.value).toEqual({ a: { k: 'v' }, b: { c: { k: 'v' }, d: [{ k: 'v' }] } });
  });

  test('a few aliases are fine', () => {
    const { docs, problems } = parseYamlSafely('first: &l {app: web}\nsecond: *l\n', 'f.yaml');
    expect(problems).toEqual([]);
    expect(docs[0]!.value).toEqual({ first: { app: 'web' }, second: { app: 'web' } });
  });

  test('1,000-deep flow nesting is refused', () => {
    expect(rules('a: ' + '['.repeat(1000) + ']'.repeat(1000))).toEqual(['yaml-too-deep']);
  });

  test('1,000-deep block nesting is refused', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(rules(text)).toEqual(['yaml-too-deep']);
  });

  test('brackets inside text do not count as nesting', () => {
    const text = `data: |\n${'  log[INFO started {\n'.repeat(150)}`;
    expect(rules(text)).toEqual([]);
  });

  test('files over 5 MiB are refused before parsing', () => {
    const text = `a: "${'x'.repeat(MAX_BYTES)}"\n`;
    expect(rules(text)).toEqual(['yaml-too-large']);
  });

  test('NUL bytes mark the file as binary', () => {
    expect(rules('a: b\u0000c\n')).toEqual(['yaml-binary']);
  });

  test('raw escape sequences are refused with the position of the character', () => {
    const { problems } = parseYamlSafely('a: ok\nb: "\u001b[2J"\n', 'f.yaml');
    expect(problems[0]).toMatchObject({ rule: 'yaml-control-character', line: 2, column: 5 });
  });
});

describe('terminal safety', () => {
  test('sanitizeForTerminal makes control characters and bidi overrides visible', () => {
    expect(sanitizeForTerminal('a\u001b[31mb\u202ec\u0085')).toBe('a\\x1b[31mb\\u202ec\\x85');
  });

  test('keeps ordinary text, newlines and tabs', () => {
    expect(sanitizeForTerminal('héllo\n\tworld ✓')).toBe('héllo\n\tworld ✓');
  });

  test('a code frame shows the line before, the line and a caret under the column', () => {
    expect(codeFrame('a: 1\nb: two\nc: 3\n', 2, 4)).toBe('  1 | a: 1\n> 2 | b: two\n    |    ^');
  });

  test('a code frame never echoes raw escape sequences', () => {
    expect(codeFrame('x: "\u001b]0;pwned\u0007"\n', 1, 1)).not.toMatch(/[\u0000-\u0008\u001b]/);
  });
});
