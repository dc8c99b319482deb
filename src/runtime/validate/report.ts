// Collects the problems of one object, turning field paths into file positions.
import type { PathSegment, Position } from '../yaml/index.js';
import type { Problem } from '../yaml/problem.js';
import { sanitizeForTerminal } from '../yaml/sanitize.js';

export type Path = readonly PathSegment[];

/** `['spec', 'containers', 0, 'image']` → `spec.containers[0].image`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return sanitizeForTerminal(out);
}

export interface Locator {
  file: string;
  positionOf(path: Path, at?: 'key' | 'value'): Position;
  /** A scalar's source text as written, when known. */
  sourceOf?(path: Path): string | undefined;
}

export class Reporter {
  readonly problems: Problem[] = [];
  kind: string | undefined;
  name: string | undefined;

  /** `prefix` locates this object inside its document (e.g. ['items', 2] in a List). */
  constructor(
    private readonly where: Locator,
    private readonly prefix: Path = [],
  ) {}

  error(rule: string, path: Path, message: string, hint?: string, at: 'key' | 'value' = 'key'): void {
    this.add('error', rule, path, message, hint, at);
  }

  warn(rule: string, path: Path, message: string, hint?: string): void {
    this.add('warning', rule, path, message, hint, 'key');
  }

  /** How the value at `path` was written in the file (e.g. `1.0` where the data says 1). */
  sourceOf(path: Path): string | undefined {
    return this.where.sourceOf?.([...this.prefix, ...path]);
  }

  get errorCount(): number {
    return this.problems.filter((p) => p.severity === 'error').length;
  }

  private add(severity: Problem['severity'], rule: string, path: Path, message: string, hint: string | undefined, at: 'key' | 'value'): void {
    const pos = this.where.positionOf([...this.prefix, ...path], at);
    const problem: Problem = { severity, rule, file: this.where.file, line: pos.line, column: pos.column, message };
    if (this.kind !== undefined) problem.kind = sanitizeForTerminal(this.kind);
    if (this.name !== undefined) problem.name = sanitizeForTerminal(this.name);
    if (path.length > 0) problem.path = formatPath(path);
    if (hint !== undefined) problem.hint = hint;
    this.problems.push(problem);
  }
}
