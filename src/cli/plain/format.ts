/** Line-mode text for check results (shared by `check`, `check --watch` and the --plain course). */
import type { CheckOutcome, CheckResult, CourseEvent } from '../../course/index.js';
import { formatDuration, formatTables } from '../../course/index.js';
import { formatProblem as formatManifestProblem } from '../../runtime/validate/index.js';
import type { Paint } from '../color.js';
import { sanitizeForTerminal } from '../../runtime/yaml/index.js';

export function formatCheckResult(result: CheckResult, c: Paint, opts: { source?: string; start?: number } = {}): string {
  const out: string[] = [];
  if (result.status === 'invalid' || result.status === 'error') {
    const heading = result.status === 'invalid' ? 'The manifest is not valid, so nothing was simulated:' : 'The exercise could not be run:';
    out.push(c.red(heading), '');
    for (const p of result.problems) out.push(formatManifestProblem({ rule: p.rule ?? '', line: p.line ?? 1, column: p.column ?? 1, ...p }, { color: false, ...(opts.source !== undefined ? { source: opts.source } : {}) }), '');
  } else {
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    for (const p of warnings) {
      // Steps the scenario could not do have no place in the learner's file: say what happened.
      if (p.rule === 'scenario-step') out.push(c.yellow(`note: a scenario step could not act: ${sanitizeForTerminal(p.message)}`));
      else out.push(c.yellow(formatManifestProblem({ rule: p.rule ?? '', line: p.line ?? 1, column: p.column ?? 1, ...p })));
    }
    if (warnings.length) out.push('');
    const start = result.simulation?.start ?? 0;
    for (const check of result.checks) out.push(formatOutcome(check, c, start), '');
  }
  const verdict = result.status === 'passed' ? c.green(c.bold(`✓ ${result.summary}`)) : c.red(c.bold(`✗ ${result.summary}`));
  out.push(verdict);
  return out.join('\n') + '\n';
}

function formatOutcome(o: CheckOutcome, c: Paint, start: number): string {
  const lines = [`${o.passed ? c.green('✓') : c.red('✗')} ${c.bold(o.title)}`];
  if (!o.passed) {
    lines.push(`    expected: ${o.expected}`, `    observed: ${o.observed}`);
    if (o.tables.length) lines.push('', formatTables(o.tables, '    '));
    if (o.events.length) lines.push('', '    events:', ...o.events.map((e) => '      ' + formatEvent(e, start)));
  }
  return lines.join('\n');
}

export function formatEvent(e: CourseEvent, start: number): string {
  const t = `+${formatDuration(Math.max(0, e.time - start))}`;
  const obj = `${e.involvedObject.kind}/${e.involvedObject.name}`;
  const times = e.count ? ` (×${e.count}, last shown)` : '';
  return `${t.padEnd(8)}${e.type.padEnd(8)}${e.reason.padEnd(20)}${obj.padEnd(28)} ${e.message}${times}`;
}
