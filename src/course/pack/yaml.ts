/**
 * Pack YAML parsed with positions, so every problem can say file:line. Parsing is data-only: the
 * YAML 1.2 core schema (no custom tags), unique keys, and a small alias budget against "billion
 * laughs" documents. Plain files take the runtime's js-yaml fast path (the same values and lines);
 * the yaml package, the reference, reads the rest and words the syntax errors, and is loaded only then.
 */
import type { Document, LineCounter } from 'yaml';
import { parseFast, type PosNode } from '../../runtime/yaml/fast.js';
import { LineIndex } from '../../runtime/yaml/fast-doc.js';
import { CORE_SCHEMA } from '../../runtime/yaml/fast-schema.js';
import { selfContainingAlias, yaml } from '../../runtime/yaml/reference.js';
import type { Problem } from '../types.js';

export type PathPart = string | number;

export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line of the node at `path` (or of the nearest existing ancestor). */
  lineOf(path: PathPart[]): number | undefined;
}

export function parsePackYaml(text: string, file: string, lineOffset = 0): { source?: YamlSource; problems: Problem[] } {
  // A pack file is one document: a `---` or `...` line is left to the reference, which says so.
  const fast = /^(?:---|\.\.\.)/m.test(text) ? undefined : parseFast(text, CORE_SCHEMA);
  if (!fast) return parseReference(text, file, lineOffset);
  const doc = fast[0];
  const lines = new LineIndex(text);
  let reference: YamlSource | undefined;
  const lineOf = (path: PathPart[]): number | undefined => {
    const offset = doc ? startOf(doc.root, path) : undefined;
    if (offset !== undefined) return lines.position(offset).line + lineOffset;
    return (reference ??= parseReference(text, file, lineOffset).source!).lineOf(path);
  };
  return { source: { file, data: doc?.value ?? null, lineOf }, problems: [] };
}

/**
 * Where the value at `path` starts — or the deepest existing ancestor's value, as the reference's
 * `lineOf` answers. Undefined for an empty value (`key:` and nothing), whose place only the reference knows.
 */
function startOf(root: PosNode, path: PathPart[]): number | undefined {
  let node = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      const item = node.items?.[seg];
      if (!item) break;
      node = item;
      continue;
    }
    const pair = node.pairs?.get(seg);
    if (!pair) break;
    if (!pair.value) return undefined;
    node = pair.value;
  }
  return node.start === -1 ? undefined : node.start;
}

function parseReference(text: string, file: string, lineOffset: number): { source?: YamlSource; problems: Problem[] } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'core', prettyErrors: false });
  } catch {
    // The parser is recursive: absurd nesting can exhaust the stack.
    return { problems: [{ severity: 'error', file, line: 1 + lineOffset, message: 'the YAML is nested too deeply to read' }] };
  }
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({ severity: 'error', file, line: pos.line + lineOffset, column: pos.col, message: firstLine(e.message) });
  }
  if (problems.length) return { problems };
  const cycle = selfContainingAlias(doc);
  if (cycle) {
    const pos = lineCounter.linePos(cycle.offset);
    return { problems: [{ severity: 'error', file, line: pos.line + lineOffset, column: pos.col, message: cycle.message }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { problems: [{ severity: 'error', file, line: 1 + lineOffset, message: firstLine((err as Error).message) }] };
  }
  return { source: { file, data, lineOf: (path) => lineOf(doc, lineCounter, path, lineOffset) }, problems };
}

function lineOf(doc: Document, counter: LineCounter, path: PathPart[], offset: number): number | undefined {
  const { isNode } = yaml();
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + offset;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
