// `lint [DIR] [--json]`: every problem of a lesson pack with file:line; exit 1 when there are errors.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { builtinPackDir, formatProblem } from '../../course/index.js';
import { lintPack, type LintReport } from '../../course/lint/index.js';
import { EXIT_FAILED, EXIT_OK } from '../io.js';
import type { CliIO } from '../io.js';
import type { CommandContext } from '../registry.js';

export async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const given = positionals[0] ?? (typeof values.lessons === 'string' ? values.lessons : undefined);
  const dir = given === undefined ? builtinPackDir() : resolve(io.cwd, given);
  const started = performance.now();
  const report = await lintPack(dir, { builtin: given === undefined });
  const seconds = (performance.now() - started) / 1000;
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  if (values.json) io.stdout.write(JSON.stringify(toJson(report, errors, seconds), null, 2) + '\n');
  else io.stdout.write(formatReport(io, report, errors, seconds));
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}

function toJson(report: LintReport, errors: number, seconds: number) {
  return {
    dir: report.dir,
    ok: errors === 0,
    errors,
    warnings: report.problems.length - errors,
    stats: { ...report.stats, seconds: Number(seconds.toFixed(2)) },
    problems: report.problems.map((p) => ({ severity: p.severity, file: p.file, line: p.line ?? null, ...(p.column !== undefined ? { column: p.column } : {}), ...(p.path ? { path: p.path } : {}), rule: p.rule ?? null, message: p.message, ...(p.hint ? { hint: p.hint } : {}) })),
  };
}

function formatReport(io: CliIO, report: LintReport, errors: number, seconds: number): string {
  const c = io.color;
  const lines = report.problems.map((p) => {
    const text = formatProblem({ ...p, file: shown(io.cwd, report.dir, p.file) });
    return p.severity === 'error' ? text.replace(': error: ', `: ${c.red('error')}: `) : text.replace(': warning: ', `: ${c.yellow('warning')}: `);
  });
  const warnings = report.problems.length - errors;
  const s = report.stats;
  const what = `${s.lessons} lesson${s.lessons === 1 ? '' : 's'}, ${s.exercises} exercise${s.exercises === 1 ? '' : 's'}, ${s.questions} quiz question${s.questions === 1 ? '' : 's'}, ${s.mutants} mutant${s.mutants === 1 ? '' : 's'}`;
  const verdict = errors ? c.red(`${errors} error${errors === 1 ? '' : 's'}`) : c.green('no errors');
  lines.push((lines.length ? '\n' : '') + `${verdict}, ${warnings} warning${warnings === 1 ? '' : 's'} (${what}; ${seconds.toFixed(1)} s)`);
  return lines.join('\n') + '\n';
}

/** A problem's file as the user can open it: relative to the cwd when inside it. */
function shown(cwd: string, root: string, file: string): string {
  const abs = isAbsolute(file) ? file : join(root, file);
  const rel = relative(cwd, abs);
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}
