// Fast path for plain manifests. The yaml package (the reference path) builds a full CST and AST and
// costs ~10× more than js-yaml for the same text; for text without anchors, aliases, tags, merge keys,
// directives, explicit `?` keys or collection keys, js-yaml with KUBERNETES_SCHEMA gives the same values,
// and its parse events give the same node positions. Anything else, or any js-yaml error, returns
// undefined and the caller takes the reference path, which also words the error messages.
import { loadAll, type Schema } from 'js-yaml';
import { IMPLICIT_TAG, KUBERNETES_SCHEMA } from './fast-schema.js';

/** Where a node starts in the text, and for collections where their entries start. */
export interface PosNode {
  /** Offset of the node's first character, or -1 for an empty node (no content: `key:` then nothing). */
  start: number;
  /** Mapping entries by key as JS sees it: key start and value (undefined when no value was written). */
  pairs?: Map<string, { keyStart: number; value: PosNode | undefined }>;
  items?: PosNode[];
}

export interface FastDoc {
  /** 0-based index of the document in the file, as the reference path counts them. */
  index: number;
  value: unknown;
  root: PosNode;
}

/** Collections nested deeper than this leave the fast path (half of MAX_DEPTH: a flow pair `[a: b]` adds a level js-yaml does not count). */
const FAST_MAX_DEPTH = 50;

/**
 * Cheap textual pre-check; a false alarm only costs the slow path. Tabs, CR, BOM; directives; explicit
 * `?` keys; collection keys (`[a]: 1`); `---`/`...` glued to text, which js-yaml takes for a document
 * marker; a comment glued to a closing quote or bracket, which the yaml package refuses. `&`, `*` and
 * `!` are checked exactly from js-yaml's events instead (they occur in shell commands and cron schedules).
 * A line over 1,024 characters may hold an implicit key longer than the yaml package allows.
 * Each pattern runs only when its rare character occurs: one combined pattern is several times slower.
 */
function looksUnusual(text: string): boolean {
  if (text.includes('\t') || text.includes('\r') || text.includes('\ufeff')) return true;
  if (text.includes('%') && /^%/m.test(text)) return true;
  if (text.includes('?') && /(?:^|[\s[{,])\?(?:\s|$)/.test(text)) return true;
  if ((text.includes(']') || text.includes('}')) && /[\]}][ \t]*:/.test(text)) return true;
  if (text.includes('#') && /["'\]}]#/.test(text)) return true;
  if (text.length > 1024 && /[^\n]{1025}/.test(text)) return true;
  return (text.includes('---') || text.includes('...')) && /^(?:---|\.\.\.)\S/m.test(text);
}

interface JsYamlState {
  position: number;
  kind: string | null;
  tag: string | null;
  anchor: string | null;
  result: unknown;
}

/** Thrown from the listener to abandon the fast path. */
const UNUSUAL = new Error('not a plain manifest');

/** Rebuilds the node tree with start offsets from js-yaml's open/close events (flat stacks: no object per event). */
class PositionRecorder {
  readonly roots: PosNode[] = [];
  /** Per open node: the offset where js-yaml opened it, and where its children begin in the stacks below. */
  private readonly opens: number[] = [];
  private readonly bases: number[] = [];
  /** Closed children of the open nodes (the first `size` entries): position node, JS value, and whether it is a mapping key. */
  private readonly nodes: PosNode[] = [];
  private readonly results: unknown[] = [];
  private readonly keys: boolean[] = [];
  private size = 0;

  constructor(private readonly text: string) {}

  /** Throws to stop js-yaml at the first unusual node: the reference path will read the text anyway. */
  readonly listener = (event: 'open' | 'close', state: JsYamlState): void => {
    if (event === 'open') {
      this.opens.push(state.position);
      this.bases.push(this.size);
      return;
    }
    const open = this.opens.pop()!;
    const base = this.bases.pop()!;
    // An anchor or an explicit tag: the reference path knows what they mean.
    if (state.anchor !== null || (state.tag !== null && state.tag !== '?' && state.tag !== IMPLICIT_TAG)) this.fail();
    const node = this.nodeOf(open, base, state);
    this.size = base; // the children are consumed (entries beyond size are overwritten later)
    if (this.opens.length === 0) {
      this.roots.push(node);
      return;
    }
    this.nodes[this.size] = node;
    this.results[this.size] = state.result;
    this.keys[this.size] = this.followedByColon(state.position);
    this.size++;
  };

  private nodeOf(open: number, base: number, state: JsYamlState): PosNode {
    if (state.kind === null) return { start: -1 };
    const start = this.contentStart(open);
    if (this.unlike(start, state)) return this.fail();
    // readBlockMapping reads a would-be key and keeps it as the node itself when no ':' follows.
    if (this.size === base + 1 && this.results[base] === state.result && state.kind !== 'scalar') return this.nodes[base];
    if (state.kind === 'mapping') return this.mappingOf(start, base, state.result as Record<string, unknown>);
    if (state.kind === 'sequence') return this.sequenceOf(start, base, state.result as unknown[]);
    return { start };
  }

  private mappingOf(start: number, base: number, value: Record<string, unknown>): PosNode {
    const pairs = new Map<string, { keyStart: number; value: PosNode | undefined }>();
    let current: { keyStart: number; value: PosNode | undefined } | undefined;
    for (let i = base; i < this.size; i++) {
      const node = this.nodes[i]!;
      if (this.keys[i]) {
        const result = this.results[i];
        // A null key is '' for the reference path but 'null' for js-yaml; `<<` merges there.
        if (result === null || result === '<<' || typeof result === 'object') return this.fail();
        const key = String(result);
        if (pairs.has(key)) return this.fail();
        current = { keyStart: node.start, value: undefined };
        pairs.set(key, current);
      } else if (current && current.value === undefined) current.value = node;
      else if (node.start !== -1) return this.fail();
      // else: readBlockMapping looking for one more key and finding none
    }
    let count = 0;
    for (const key in value) {
      if (!pairs.has(key)) return this.fail();
      count++;
    }
    return count === pairs.size ? { start, pairs } : this.fail();
  }

  private sequenceOf(start: number, base: number, value: unknown[]): PosNode {
    // A key inside a sequence is a flow pair (`[a: 1]`); a count mismatch is an entry read without events.
    if (this.size - base !== value.length) return this.fail();
    const items: PosNode[] = [];
    for (let i = base; i < this.size; i++) {
      if (this.keys[i]) return this.fail();
      items.push(this.nodes[i]!);
    }
    return { start, items };
  }

  private fail(): never {
    throw UNUSUAL;
  }

  /** js-yaml opens a mapping value before skipping the separation space; the reference starts at content. */
  private contentStart(offset: number): number {
    const text = this.text;
    let i = offset;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a) i++;
      else if (c === 0x23 /* # */) {
        const eol = text.indexOf('\n', i);
        if (eol === -1) return text.length;
        i = eol + 1;
      } else return i;
    }
  }

  /**
   * Nodes the two parsers read differently, rare in manifests and left to the reference: continuation
   * lines of a quoted or plain scalar or a flow collection (js-yaml accepts some the yaml package
   * rejects as not indented enough), and a block scalar with an explicit indentation indicator (`|2`,
   * which the two count from different places at the top level).
   */
  private unlike(start: number, state: JsYamlState): boolean {
    const c = this.text[start];
    const block = c === '|' || c === '>';
    if (state.kind === 'scalar' && block) return /^[|>][-+]?[1-9]/.test(this.text.slice(start, start + 3));
    const flow = state.kind === 'scalar' || c === '[' || c === '{';
    if (!flow) return false;
    const eol = this.text.indexOf('\n', start);
    return eol !== -1 && eol < state.position;
  }

  /** A key is followed by ':' on its line; a value never is in a text js-yaml accepts. */
  private followedByColon(offset: number): boolean {
    let i = offset;
    while (this.text.charCodeAt(i) === 0x20) i++;
    return this.text.charCodeAt(i) === 0x3a;
  }
}

/** Parses `text` on the fast path, or undefined when the reference path must decide. */
export function parseFast(text: string, schema: Schema = KUBERNETES_SCHEMA): FastDoc[] | undefined {
  if (looksUnusual(text)) return undefined;
  const recorder = new PositionRecorder(text);
  let values: unknown[];
  try {
    values = loadAll(text, null, {
      schema,
      listener: recorder.listener as never,
      maxDepth: FAST_MAX_DEPTH,
    } as Parameters<typeof loadAll>[2]);
  } catch {
    return undefined;
  }
  if (recorder.roots.length !== values.length) return undefined;
  const docs: FastDoc[] = [];
  values.forEach((value, index) => {
    // An empty document (after a trailing `---`, or only comments) is skipped, as kubectl does.
    if (value !== null && value !== undefined) docs.push({ index, value, root: recorder.roots[index]! });
  });
  return docs;
}
