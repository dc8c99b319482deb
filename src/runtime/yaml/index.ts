// Safe YAML loading shared by every reader of learner files: the validator, the scenario loader, lessons.
// Hostile input (huge files, binary data, alias bombs, absurd nesting) is refused with a message, never
// a crash; every node keeps its source position so problems can point at line:column.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node, ParsedNode, Tags } from 'yaml';
import type { Problem } from './problem.js';
import { yamlErrorProblem } from './errors.js';

export type { Problem } from './problem.js';
export { sanitizeForTerminal, quote } from './sanitize.js';
export { codeFrame } from './code-frame.js';

/** Largest file accepted, in bytes (as kubectl's default request body limits are of this order). */
export const MAX_BYTES = 5 * 1024 * 1024;
/** Deepest nesting accepted; real manifests stay under 20 levels (a CronJob's pod affinity terms). */
export const MAX_DEPTH = 100;
/** Alias expansions allowed per document before the file is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;
/** At most this many YAML syntax errors are reported per file: later ones are usually echoes of the first. */
const MAX_SYNTAX_ERRORS = 10;

export type PathSegment = string | number;
export interface Position {
  line: number;
  column: number;
}

export interface ParsedDoc {
  /** 0-based index of the document in the file (`---` separated). */
  index: number;
  /** Plain JSON-like data. */
  value: unknown;
  /** Where the document's content starts. */
  line: number;
  column: number;
  /**
   * Source position of `path` (e.g. ['spec', 'containers', 0, 'image']): the key's position, or with
   * at='value' the value's. A path that does not exist resolves to its deepest existing ancestor.
   */
  positionOf(path: readonly PathSegment[], at?: 'key' | 'value'): Position;
  /** The source text of the scalar at `path` exactly as written (e.g. `1.0`), if there is one. */
  sourceOf(path: readonly PathSegment[]): string | undefined;
}

/** Parses a multi-document YAML text; never throws. Documents with syntax errors are left out of `docs`. */
export function parseYamlSafely(text: string, file: string): { docs: ParsedDoc[]; problems: Problem[] } {
  const refusal = refuse(text, file);
  if (refusal) return { docs: [], problems: [refusal] };
  try {
    return parseChecked(text, file);
  } catch (err) {
    // The parser is recursive: a pathological input can still exhaust the stack.
    const overflow = err instanceof RangeError;
    return {
      docs: [],
      problems: [
        {
          severity: 'error',
          rule: overflow ? 'yaml-too-deep' : 'yaml-syntax',
          file,
          line: 1,
          column: 1,
          message: overflow ? 'the YAML is nested too deeply to read' : 'the file could not be read as YAML',
          hint: 'Check that this is a Kubernetes manifest written in YAML.',
        },
      ],
    };
  }
}

/** Cheap checks before parsing: size, binary content, control characters YAML forbids. */
function refuse(text: string, file: string): Problem | undefined {
  const at = (line: number, column: number, rule: string, message: string, hint: string): Problem => ({
    severity: 'error',
    rule,
    file,
    line,
    column,
    message,
    hint,
  });
  if (text.length > MAX_BYTES || (text.length * 3 > MAX_BYTES && Buffer.byteLength(text, 'utf8') > MAX_BYTES)) {
    return at(1, 1, 'yaml-too-large', `the file is larger than ${MAX_BYTES / 1024 / 1024} MiB`, 'A manifest is a few kilobytes; check that this is the file you meant.');
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const p = offsetToPosition(text, nul);
    return at(p.line, p.column, 'yaml-binary', 'the file contains NUL bytes: it looks like binary data, not YAML', 'Give a text file with your Kubernetes manifest.');
  }
  // YAML's printable set (YAML 1.2 §5.1) excludes C0 controls other than tab/LF/CR, DEL, C1 controls
  // other than NEL, and U+FFFE/U+FFFF; an ESC here would also be a terminal escape sequence.
  const bad = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u0084\u0086-\u009f\ufffe\uffff]/.exec(text);
  if (bad) {
    const p = offsetToPosition(text, bad.index);
    const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return at(p.line, p.column, 'yaml-control-character', `the file contains the control character ${code}, which YAML does not allow`, 'Remove it; inside a double-quoted string it could be written as an escape such as "\\e" or "\\x01".');
  }
  const deep = nestingBeyond(text, MAX_DEPTH);
  if (deep !== -1) {
    const p = offsetToPosition(text, deep);
    return at(p.line, p.column, 'yaml-too-deep', `the YAML is nested more than ${MAX_DEPTH} levels deep`, 'A Kubernetes object never needs this much nesting; check the file.');
  }
  return undefined;
}

/**
 * Offset where nesting first exceeds `limit`, or -1: a quick approximate scan so that a hostile file is
 * refused before the recursive parser sees it. Flow nesting counts `[`/`{` where a collection can start
 * (so text such as `log[INFO` inside a value does not count; quotes and comments are skipped line by
 * line); block nesting counts the stack of increasing indentations. The AST depth check after parsing
 * is the exact guard.
 */
const FLOW_START_AFTER = '\n:[{,-?';

function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  let quote = '';
  let comment = false;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  let prev = '\n'; // last non-blank character: a bracket only opens a collection after one of FLOW_START_AFTER
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (lineStart) {
      if (c === ' ' || c === '-') {
        indent++;
        continue;
      }
      lineStart = false;
      if (c !== '\n' && c !== '#') {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > limit) return i;
      }
    }
    if (c === '\n') {
      quote = '';
      comment = false;
      lineStart = true;
      indent = 0;
    } else if (comment) continue;
    else if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\n')) comment = true;
    else if ((c === '[' || c === '{') && FLOW_START_AFTER.includes(prev)) {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (c !== ' ' && c !== '\t') prev = c;
  }
  return -1;
}

function offsetToPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Kubernetes reads YAML with go-yaml (YAML 1.1 resolution: `yes`/`on` are booleans, `<<` merges), but
 * converts to JSON, so timestamps, sexagesimal numbers, binary and sets have no meaning here.
 */
function kubernetesTags(tags: Tags): Tags {
  const drop = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:binary', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set']);
  return tags.filter((t) => typeof t === 'string' || (!drop.has(t.tag) && (t as { format?: string }).format !== 'TIME'));
}

function parseChecked(text: string, file: string): { docs: ParsedDoc[]; problems: Problem[] } {
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

/** Deepest nesting of collections, counted without recursion (the input may be hostile). */
function depthOf(root: Node): number {
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
