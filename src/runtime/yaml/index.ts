// Safe YAML loading shared by every reader of learner files: the validator, the scenario loader, lessons.
// Hostile input (huge files, binary data, alias bombs, absurd nesting) is refused with a message, never
// a crash; every node keeps its source position so problems can point at line:column. Plain manifests
// are read by the fast path (fast.ts, js-yaml); everything else, and every error, by the reference
// path (reference.ts, the yaml package).
import { parseFast } from './fast.js';
import { fastDoc, LineIndex } from './fast-doc.js';
import { MAX_BYTES, MAX_DEPTH } from './limits.js';
import type { Problem } from './problem.js';
import { parseReference } from './reference.js';
import type { ParsedDoc, Position } from './types.js';

export type { Problem } from './problem.js';
export type { ParsedDoc, PathSegment, Position } from './types.js';
export { MAX_ALIAS_COUNT, MAX_BYTES, MAX_DEPTH } from './limits.js';
export { sanitizeForTerminal, quote } from './sanitize.js';
export { codeFrame } from './code-frame.js';

/** Parses a multi-document YAML text; never throws. Documents with syntax errors are left out of `docs`. */
export function parseYamlSafely(text: string, file: string): { docs: ParsedDoc[]; problems: Problem[] } {
  const refusal = refuse(text, file);
  if (refusal) return { docs: [], problems: [refusal] };
  try {
    const fast = parseFast(text);
    if (!fast) return parseReference(text, file);
    const lines = new LineIndex(text);
    return { docs: fast.map((_, i) => fastDoc(text, file, lines, fast, i)), problems: [] };
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
const NL = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const DASH = 0x2d;
const HASH = 0x23;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const OPEN_SQUARE = 0x5b;
const OPEN_CURLY = 0x7b;
const CLOSE_SQUARE = 0x5d;
const CLOSE_CURLY = 0x7d;
/** After one of these (newline : [ { , - ?) a bracket opens a flow collection. */
const FLOW_START_AFTER = new Set([NL, 0x3a, OPEN_SQUARE, OPEN_CURLY, 0x2c, DASH, 0x3f]);

// Character codes rather than one-character strings: this runs over every byte of every file.
function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  let quote = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  let prev = NL; // last non-blank character: a bracket only opens a collection after one of FLOW_START_AFTER
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      if (c === SPACE || c === DASH) {
        indent++;
        continue;
      }
      lineStart = false;
      if (c !== NL && c !== HASH) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > limit) return i;
      }
    }
    if (c === NL) {
      quote = 0;
      lineStart = true;
      indent = 0;
    } else if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQUOTE || c === SQUOTE) quote = c;
    else if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === NL)) {
      // A comment: resume at its newline, which is handled as any other.
      const eol = text.indexOf('\n', i);
      if (eol === -1) return -1;
      i = eol - 1;
      continue;
    } else if ((c === OPEN_SQUARE || c === OPEN_CURLY) && FLOW_START_AFTER.has(prev)) {
      if (++depth > limit) return i;
    } else if ((c === CLOSE_SQUARE || c === CLOSE_CURLY) && depth > 0) depth--;
    if (c !== SPACE && c !== TAB) prev = c;
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

