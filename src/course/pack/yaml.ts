/**
 * Pack YAML parsed with positions, so every problem can say file:line. Parsing is data-only: the
 * `yaml` package's core schema (no custom tags), unique keys, and a small alias budget against
 * "billion laughs" documents.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../types.js';

export type PathPart = string | number;

export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line of the node at `path` (or of the nearest existing ancestor). */
  lineOf(path: PathPart[]): number | undefined;
}

export function parsePackYaml(text: string, file: string, lineOffset = 0): { source?: YamlSource; problems: Problem[] } {
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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { problems: [{ severity: 'error', file, line: 1 + lineOffset, message: firstLine((err as Error).message) }] };
  }
  return { source: { file, data, lineOf: (path) => lineOf(doc, lineCounter, path, lineOffset) }, problems };
}

function lineOf(doc: Document, counter: LineCounter, path: PathPart[], offset: number): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + offset;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
