// A ParsedDoc for a document read by the fast path. Positions come from the node starts js-yaml's events
// gave; the few the fast path cannot know (an empty value's position, a scalar's source text) are asked
// of the reference parser, for this one document only, on first need.
import type { FastDoc, PosNode } from './fast.js';
import { parseReference } from './reference.js';
import type { ParsedDoc, PathSegment, Position } from './types.js';

/** 1-based line and column of offsets in one text (lines end at '\n', as the yaml package counts). */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    this.starts ??= lineStarts(this.text);
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The ParsedDoc of `docs[i]` (`docs[i + 1]` bounds its text for a reference parse). */
export function fastDoc(text: string, file: string, lines: LineIndex, docs: readonly FastDoc[], i: number): ParsedDoc {
  const doc = docs[i]!;
  const start = lines.position(doc.root.start);
  let reference: ParsedDoc | undefined;
  const slow = (): ParsedDoc => (reference ??= referenceDoc(text, file, doc, docs[i + 1]));
  return {
    index: doc.index,
    value: doc.value,
    ...start,
    positionOf: (path, at = 'key') => {
      const offset = offsetOf(doc.root, path, at);
      return offset === undefined ? slow().positionOf(path, at) : lines.position(offset);
    },
    sourceOf: (path) => slow().sourceOf(path),
  };
}

/**
 * The offset positionOf gives, following the reference's rules (reference.ts `nodeAt`): the key's
 * start, or with at='value' the value's; the deepest existing ancestor for a missing path. Undefined
 * when that is an empty node, whose position only the reference parse knows.
 */
function offsetOf(root: PosNode, path: readonly PathSegment[], at: 'key' | 'value'): number | undefined {
  let node: PosNode | undefined = root;
  let offset = root.start;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (node?.pairs) {
      const pair = node.pairs.get(String(seg));
      if (!pair) return offset;
      node = pair.value;
      offset = i === path.length - 1 && at === 'value' ? (node?.start ?? -1) : pair.keyStart;
    } else if (node?.items && typeof seg === 'number') {
      node = node.items[seg];
      if (node === undefined) return offset;
      offset = node.start;
    } else return offset;
    if (offset === -1) return undefined;
  }
  return offset;
}

/**
 * The reference parse of one document: its text from the start of its first line to the start of the
 * next document's, after as many newlines as lines before it, so that offsets' lines and columns are
 * those of the whole file. A document never depends on another (directives take the reference path).
 */
function referenceDoc(text: string, file: string, doc: FastDoc, next: FastDoc | undefined): ParsedDoc {
  const from = text.lastIndexOf('\n', doc.root.start - 1) + 1;
  const to = next ? text.lastIndexOf('\n', next.root.start - 1) + 1 : text.length;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < from; i = text.indexOf('\n', i + 1)) lines++;
  const own = parseReference('\n'.repeat(lines) + text.slice(from, to), file).docs[0];
  if (own && own.positionOf([]).line === lines + 1) return own;
  // Not expected: then the whole file, which is right by definition, and failing that the document's start.
  const whole = parseReference(text, file).docs.find((d) => d.index === doc.index);
  return whole ?? { index: doc.index, value: doc.value, line: lines + 1, column: 1, positionOf: () => ({ line: lines + 1, column: 1 }), sourceOf: () => undefined };
}
