import type { CheckResult } from '../../course/types.js';
import type { KeyBinding } from '../keys.js';
import type { ExerciseInfo } from '../port.js';
import { seg, wrap, type Line } from '../text.js';
import { scroll, type ScrollAction } from './scroll.js';

/** An exercise being worked on: the task, hints shown, the latest result, pending confirmations. */
export interface ExerciseState {
  info: ExerciseInfo;
  /** Rendered task (ANSI lines). */
  task: string[];
  checking: boolean;
  result?: CheckResult;
  /** A question waiting for y/n. */
  confirm?: 'reset' | 'solution';
  solution?: string;
  /** One-line message (reset done, editor failed…). */
  notice?: string;
  offset: number;
  /** True once some check failed: the solution may then be revealed. */
  failedOnce: boolean;
}

export type ExerciseAction = ScrollAction | 'edit' | 'check' | 'hint' | 'reset' | 'solution' | 'cluster' | 'yes' | 'no';

export function exerciseKeys(s: ExerciseState): KeyBinding<ExerciseAction>[] {
  if (s.confirm) {
    return [
      { keys: ['y'], label: 'y', action: 'yes', help: 'yes', bar: true },
      { keys: ['n', 'enter'], label: 'n', action: 'no', help: 'no', bar: true },
    ];
  }
  const moreHints = s.info.hintsUsed < s.info.hints.length;
  return [
    { keys: ['e'], label: 'e', action: 'edit', help: 'edit', bar: true },
    { keys: ['c'], label: 'c', action: 'check', help: 'check', bar: true },
    { keys: ['h'], label: 'h', action: 'hint', help: 'hint', bar: true, when: moreHints },
    { keys: ['v'], label: 'v', action: 'cluster', help: 'cluster', bar: true, when: Boolean(s.result?.simulation) },
    { keys: ['r'], label: 'r', action: 'reset', help: 'reset', bar: true },
    { keys: ['s'], label: 's', action: 'solution', help: 'solution', bar: true, when: s.failedOnce && !s.solution },
    { keys: ['up', 'k'], label: '↑/↓', action: 'up', help: 'scroll', bar: true },
    { keys: ['down', 'j'], label: '↓', action: 'down', help: 'scroll down' },
    { keys: ['pageup', 'b'], label: 'PgUp', action: 'pageUp', help: 'page up' },
    { keys: ['pagedown', 'space'], label: 'PgDn', action: 'pageDown', help: 'page down' },
    { keys: ['home', 'g'], label: 'g', action: 'top', help: 'top' },
    { keys: ['end', 'S-g'], label: 'G', action: 'bottom', help: 'bottom' },
  ];
}

export function initialExercise(info: ExerciseInfo, task: string[]): ExerciseState {
  return { info, task, checking: false, offset: 0, failedOnce: info.status === 'attempted' };
}

export function withResult(s: ExerciseState, result: CheckResult): ExerciseState {
  return { ...s, checking: false, result, failedOnce: s.failedOnce || result.status !== 'passed', notice: undefined };
}

export function exerciseScroll(s: ExerciseState, a: ScrollAction, total: number, height: number): ExerciseState {
  return { ...s, offset: scroll(s.offset, a, total, height) };
}

/** The whole exercise page as lines `cols` wide: header, task, hints, result, solution. */
export function exerciseLines(s: ExerciseState, cols: number): Line[] {
  const i = s.info;
  const out: Line[] = [
    [seg(i.title, 'title'), seg(`  ${'★'.repeat(i.difficulty)}${'☆'.repeat(3 - i.difficulty)}`, 'dim')],
    [seg('Your file: ', 'dim'), seg(i.path, 'accent')],
    [],
    ...s.task.map((t) => [seg(t)]),
  ];
  i.hints.slice(0, i.hintsUsed).forEach((h, n) => {
    out.push([]);
    wrap(`Hint ${n + 1}: ${h}`, cols).forEach((l) => out.push([seg(l, 'info')]));
  });
  out.push([], ...resultLines(s, cols));
  if (s.solution) {
    out.push([], [seg('Reference solution', 'title')], ...s.solution.split('\n').map((l) => [seg(l, 'accent')]));
  }
  return out;
}

function resultLines(s: ExerciseState, cols: number): Line[] {
  if (s.checking) return [[seg('Checking…', 'info')]];
  const r = s.result;
  if (!r) return [[seg('Edit your file (e), then check it (c). Saving the file re-checks it.', 'dim')]];
  const verdict: Record<CheckResult['status'], Line> = {
    passed: [seg('✓ PASSED ', 'ok'), seg(r.summary)],
    failed: [seg('✗ NOT YET ', 'bad'), seg(r.summary)],
    invalid: [seg('✗ INVALID MANIFEST ', 'bad'), seg(r.summary)],
    error: [seg('✗ ERROR ', 'bad'), seg(r.summary)],
  };
  const out: Line[] = [verdict[r.status]];
  for (const p of r.problems) {
    const where = [p.file.split('/').pop(), p.line, p.column].filter((x) => x !== undefined).join(':');
    wrap(`${p.severity === 'error' ? '✗' : '⚠'} ${where} ${p.path ? p.path + ': ' : ''}${p.message}`, cols).forEach((l) =>
      out.push([seg(l, p.severity === 'error' ? 'bad' : 'warn')]),
    );
  }
  for (const c of r.checks) {
    out.push([seg(c.passed ? '✓ ' : '✗ ', c.passed ? 'ok' : 'bad'), seg(c.title, 'bold')]);
    if (c.passed) continue;
    wrap(`expected: ${c.expected}`, cols - 4).forEach((l) => out.push([seg('    ' + l)]));
    wrap(`observed: ${c.observed}`, cols - 4).forEach((l) => out.push([seg('    ' + l, 'warn')]));
    for (const t of c.tables) {
      const widths = t.columns.map((h, k) => Math.max(h.length, ...t.rows.map((row) => (row[k] ?? '').length)));
      const fmt = (cells: string[]): string => '    ' + cells.map((x, k) => x.padEnd(widths[k]!)).join('  ').trimEnd();
      out.push([seg(fmt(t.columns), 'dim')], ...t.rows.map((row) => [seg(fmt(row))]));
    }
    for (const e of c.events.slice(-6)) out.push([seg(`    ${e.reason} ${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message}`, 'dim')]);
  }
  if (r.simulation) out.push([], [seg('Press v to replay the run in the cluster view.', 'dim')]);
  return out;
}

export function solutionConfirmText(): string {
  return 'Reveal the reference solution? You can still write your own. (y/n)';
}
