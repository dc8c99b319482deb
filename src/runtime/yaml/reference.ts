// The reference parse: the yaml package, which words syntax errors well and handles everything YAML
// allows (anchors, tags, merge keys). It is loaded on first use only: a clean plain manifest takes the
// fast path (fast.ts) and never needs it, which saves its load time in a fresh process.
import { lazyRequire } from '../../util/lazy-require.js';
import type { Document, Node, ParsedNode, Tags } from 'yaml';
import { yamlErrorProblem } from './errors.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH } from './limits.js';
import type { Problem } from './problem.js';
import type { ParsedDoc, PathSegment, Position } from './types.js';

/** At most this many YAML syntax errors are reported per file: later ones are usually echoes of the first. */
const MAX_SYNTAX_ERRORS = 10;

/** The yaml package, loaded on first use: a plain manifest never needs it. */
export const yaml = lazyRequire<typeof import('yaml')>('yaml');

/**
 * Kubernetes reads YAML with go-yaml (YAML 1.1 resolution: `yes`/`on` are booleans, `<<` merges), but
 * converts to JSON, so timestamps, sexagesimal numbers, binary and sets have no meaning here.
 */
function kubernetesTags(tags: Tags): Tags {
  const drop = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:binary', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set']);
  return tags.filter((t) => typeof t === 'string' || (!drop.has(t.tag) && (t as { format?: string }).format !== 'TIME'));
}

/** Parses a multi-document text (already screened by `refuse`); may throw RangeError on a pathological input. */
export function parseReference(text: string, file: string): { docs: ParsedDoc[]; problems: Problem[] } {
  const { isScalar, LineCounter, parseAllDocuments } = yaml();
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    version: '1.1',
    customTags: kubernetesTags,
    uniqueKeys: true,
  });
  const problems: Problem[] = [];
  const docs: ParsedDoc[] = [];
  const list = Array.isArray(documents) ? documents : [];
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        if (problems.length < MAX_SYNTAX_ERRORS) problems.push(yamlErrorProblem(err, text, file, pos(err.pos[0])));
      }
      return;
    }
    const contents = doc.contents as ParsedNode | null;
    if (contents === null) return; // an empty document, e.g. after a trailing `---`: kubectl skips it too
    const start = pos(contents.range[0]);
    if (depthOf(contents) > MAX_DEPTH) {
      problems.push({ severity: 'error', rule: 'yaml-too-deep', file, ...start, message: `the document is nested more than ${MAX_DEPTH} levels deep`, hint: 'A Kubernetes object never needs this much nesting; check the file.' });
      return;
    }
    const cycle = selfContainingAlias(doc);
    if (cycle) {
      problems.push({ severity: 'error', rule: 'yaml-alias-cycle', file, ...pos(cycle.offset), message: cycle.message, hint: 'An alias can only repeat a value defined outside it; write this part out instead.' });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      problems.push({ severity: 'error', rule: 'yaml-alias-bomb', file, ...start, message: `the document expands its aliases (*name) more than ${MAX_ALIAS_COUNT} times`, hint: 'This looks like a "billion laughs" attack; write the values out instead of nesting aliases.' });
      return;
    }
    if (value === null || value === undefined) return; // `---` with nothing (or only comments) after it
    docs.push({
      index,
      value,
      ...start,
      positionOf: (path, at = 'key') => pos(nodeAt(doc, contents, path, at).offset),
      sourceOf: (path) => {
        const found = nodeAt(doc, contents, path, 'value');
        const range = (found.node as { range?: [number, number, number] } | undefined)?.range;
        return found.exact && isScalar(found.node) && range ? text.slice(range[0], range[1]) : undefined;
      },
    });
  });
  return { docs, problems };
}

/**
 * The first alias inside the very node its anchor names (`metadata: &m {labels: *m}`), which makes a
 * value that contains itself: go-yaml, which Kubernetes reads YAML with, refuses it ("anchor 'm' value
 * contains itself"), and any walk over such a value would go round the loop for ever. Gives the
 * alias's offset and the message for the writer.
 */
export function selfContainingAlias(doc: Document): { offset: number; message: string } | undefined {
  const { visit } = yaml();
  let found: { offset: number; message: string } | undefined;
  visit(doc, {
    Alias(_key, alias) {
      const at = alias.range;
      const target = (alias.resolve(doc) as Node | undefined)?.range;
      if (!at || !target || target[0] > at[0] || at[1] > target[2]) return undefined;
      found = { offset: at[0], message: `the alias *${alias.source} is inside the value of its own anchor &${alias.source}, so that value would contain itself` };
      return visit.BREAK;
    },
  });
  return found;
}

/** Deepest nesting of collections, counted without recursion (the input may be hostile). */
function depthOf(root: Node): number {
  const { isMap, isPair, isSeq } = yaml();
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth > max) max = depth;
      if (max > MAX_DEPTH) return max;
      for (const item of node.items) {
        if (isPair(item)) {
          stack.push([item.key, depth + 1], [item.value, depth + 1]);
        } else stack.push([item, depth + 1]);
      }
    }
  }
  return max;
}

/** The node at `path` (or its deepest existing ancestor) and the offset of its key or value. */
function nodeAt(doc: Document, root: ParsedNode, path: readonly PathSegment[], at: 'key' | 'value'): { node: unknown; offset: number; exact: boolean } {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  let node: unknown = root;
  let offset: number = startOf(root);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { node, offset, exact: false };
      const keyStart = startOf(pair.key);
      offset = last && at === 'value' ? (startOf(pair.value) ?? keyStart ?? offset) : (keyStart ?? offset);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return { node, offset, exact: false };
      offset = startOf(item) ?? offset;
      node = item;
    } else return { node, offset, exact: false };
  }
  if (isAlias(node)) node = node.resolve(doc);
  return { node, offset, exact: true };
}

function startOf(node: ParsedNode): number;
function startOf(node: unknown): number | undefined;
function startOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}
