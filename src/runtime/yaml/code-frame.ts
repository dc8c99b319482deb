import { sanitizeForTerminal } from './sanitize.js';

const MAX_WIDTH = 120;

/**
 * The offending line with one line of context before it and a caret under `column`:
 *
 *     4 |   replicas: 3
 *   > 5 |   selector: app=web
 *       |             ^
 */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = sourceLines(source, line);
  const target = lines[line - 1];
  if (target === undefined) return '';
  const width = String(line).length;
  const out: string[] = [];
  if (line > 1 && lines[line - 2] !== undefined) out.push(`  ${String(line - 1).padStart(width)} | ${clip(lines[line - 2]!)}`);
  out.push(`> ${String(line).padStart(width)} | ${clip(target)}`);
  const caretAt = Math.max(0, Math.min(column - 1, MAX_WIDTH));
  // Tabs keep their width so the caret lines up under them.
  const pad = target.slice(0, caretAt).replace(/[^\t]/g, ' ');
  out.push(`  ${' '.repeat(width)} | ${pad}^`);
  return out.join('\n');
}

/** Only the first `upTo` lines are split: a frame near the top of a large file costs little. */
function sourceLines(source: string, upTo: number): string[] {
  const result: string[] = [];
  let start = 0;
  while (result.length < upTo && start <= source.length) {
    const end = source.indexOf('\n', start);
    const stop = end === -1 ? source.length : end;
    result.push(source.slice(start, stop).replace(/\r$/, ''));
    if (end === -1) break;
    start = end + 1;
  }
  return result;
}

function clip(text: string): string {
  const safe = sanitizeForTerminal(text);
  return safe.length > MAX_WIDTH ? `${safe.slice(0, MAX_WIDTH)}…` : safe;
}
