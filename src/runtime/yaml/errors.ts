// Turns the yaml package's parse errors into learner-facing problems with a fix.
import type { YAMLError } from 'yaml';
import type { Problem } from './problem.js';
import type { Position } from './index.js';
import { quote } from './sanitize.js';

const GENERIC_HINT = "Check for a missing ':' or a missing space after ':' or '-', an unclosed quote or bracket, or wrong indentation.";

const HINTS: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'Line this up with its siblings: YAML shows nesting by indentation with spaces.',
  MULTILINE_IMPLICIT_KEY: "A key must fit on one line and end with ': '; check the line above for a missing ':' or an unclosed quote.",
  BLOCK_AS_IMPLICIT_KEY: "A key must be a plain word followed by ': '; check the indentation and the ':' on this line.",
  BAD_DQ_ESCAPE: 'Inside double quotes a backslash starts an escape: write \\\\ for a backslash, or use single quotes.',
  MISSING_CHAR: 'Close the quote or bracket that was opened.',
  BAD_ALIAS: 'An alias *name must refer to an anchor &name defined earlier in the same document.',
  MULTIPLE_ANCHORS: 'A node can have one &anchor only.',
};

export function yamlErrorProblem(err: YAMLError, text: string, file: string, at: Position): Problem {
  const base = { severity: 'error' as const, file, line: at.line, column: at.column };
  if (err.code === 'TAB_AS_INDENT') {
    return { ...base, rule: 'yaml-tab', message: 'a tab character is used for indentation', hint: 'YAML indentation must use spaces only: replace the tab with spaces.' };
  }
  if (err.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(err.pos[0]))?.[0].trim() ?? '';
    return { ...base, rule: 'yaml-duplicate-key', message: `the key ${quote(key)} appears twice in the same mapping`, hint: 'Keep one of them: Kubernetes rejects a mapping with a repeated key.' };
  }
  if (err.code === 'RESOURCE_EXHAUSTION') {
    // The yaml package reports a stack overflow while composing nested collections this way.
    return { ...base, rule: 'yaml-too-deep', message: 'the document is nested too deeply to read', hint: 'A Kubernetes object never needs this much nesting; check the file.' };
  }
  // The yaml package's own sentence, first line only (it may quote source text: keep it terminal-safe).
  const first = quote(err.message.split('\n')[0] ?? '', 160).replace(/^"|"$/g, '');
  const what = first.charAt(0).toLowerCase() + first.slice(1).replace(/\.$/, '');
  // "... must be sufficiently indented and end with a }": usually a bracket that was never closed.
  const unclosed = /end with an? ([\]}])/.exec(what);
  const hint = unclosed ? `Close the bracket: add the missing "${unclosed[1]}" (or write the collection as indented lines).` : (HINTS[err.code] ?? GENERIC_HINT);
  return { ...base, rule: 'yaml-syntax', message: `YAML syntax error: ${what}`, hint };
}
