// One problem as text: "file:line:col: error: Deployment/web spec.replicas: <what>. <how to fix>".
import { codeFrame } from '../yaml/code-frame.js';
import type { Problem } from '../yaml/problem.js';
import { sanitizeForTerminal } from '../yaml/sanitize.js';

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

export function formatProblem(p: Problem, opts: { color?: boolean; source?: string } = {}): string {
  const paint = (code: string, text: string): string => (opts.color ? `${code}${text}${RESET}` : text);
  const where = `${sanitizeForTerminal(p.file)}:${p.line}:${p.column}`;
  const severity = paint(p.severity === 'error' ? RED + BOLD : YELLOW + BOLD, p.severity);
  const object = p.kind ? `${p.kind}${p.name ? `/${p.name}` : ''}` : '';
  const subject = [object, p.path ?? ''].filter(Boolean).join(' ');
  const what = sentence(sanitizeForTerminal(p.message));
  const how = p.hint ? ` ${sentence(sanitizeForTerminal(p.hint))}` : '';
  let text = `${paint(BOLD, where)}: ${severity}: ${subject ? `${subject}: ` : ''}${what}${how}`;
  if (opts.source !== undefined) {
    const frame = codeFrame(opts.source, p.line, p.column);
    if (frame) text += `\n${opts.color ? frame.replace(/^(\s+\|.*)$/m, (l) => paint(DIM, l)) : frame}`;
  }
  return text;
}

function sentence(s: string): string {
  return /[.?!]$/.test(s) ? s : `${s}.`;
}

/**
 * A problem in the shape of the `simulate -o json` contract's `errors` entries (file, line, column,
 * kind, name, path, message), the message carrying the fix too; severity and rule are extra keys.
 */
export function problemAsJson(p: Problem): { file: string; line: number; column: number; kind?: string; name?: string; path?: string; message: string; severity: Problem['severity']; rule: string } {
  const message = p.hint ? `${sentence(p.message)} ${sentence(p.hint)}` : sentence(p.message);
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    ...(p.kind !== undefined ? { kind: p.kind } : {}),
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.path !== undefined ? { path: p.path } : {}),
    message,
    severity: p.severity,
    rule: p.rule,
  };
}
