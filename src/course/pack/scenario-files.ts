/**
 * A scenario may name files in `apply:` steps (relative to the scenario's folder). The pack loader reads
 * them up front, confined to the pack, so checking and predicting do no I/O and cannot escape the pack.
 */
import { parseScenarioData } from '../run.js';
import type { Problem } from '../types.js';
import { isObj } from './fields.js';
import type { PackFiles } from './files.js';
import type { YamlSource } from './yaml.js';

/** Paths named by `apply:` steps (a string, or a list of strings). */
export function appliedPaths(scenario: unknown): { path: string; step: number }[] {
  if (!isObj(scenario) || !Array.isArray(scenario.steps)) return [];
  const out: { path: string; step: number }[] = [];
  scenario.steps.forEach((step, i) => {
    if (!isObj(step)) return;
    const apply = step.apply;
    if (typeof apply === 'string') out.push({ path: apply, step: i });
    else if (Array.isArray(apply)) for (const p of apply) if (typeof p === 'string') out.push({ path: p, step: i });
  });
  return out;
}

/** Reads every file the scenario applies, relative to `baseDir`; problems point at the step. */
export function loadScenarioFiles(files: PackFiles, scenario: unknown, baseDir: string, source: YamlSource, scenarioPath: (string | number)[], problems: Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, step } of appliedPaths(scenario)) {
    // Only a problem needs the step's line.
    const line = () => source.lineOf([...scenarioPath, 'steps', step, 'apply']);
    const resolved = files.resolveRef(baseDir, path, source.file);
    if (!resolved.ok) {
      problems.push({ ...resolved.problem, line: line() });
      continue;
    }
    const read = files.read(resolved.path);
    if (read.ok) out[path] = read.text;
    else problems.push({ ...read.problem, file: source.file, line: line(), message: `${path} ${read.problem.message}` });
  }
  return out;
}


/**
 * Validates a scenario held as pack data with the runtime's parser, re-pointing each problem at the
 * line of the pack file it came from (the runtime reports a field path such as `steps[1].delete.kind`).
 */
export function checkScenario(scenario: unknown, source: YamlSource, scenarioPath: (string | number)[], problems: Problem[]): void {
  for (const p of parseScenarioData(scenario, source.file).problems) {
    const segments = (p.path ?? '').split(/\.|\[(\d+)\]/).filter((x) => x !== undefined && x !== '').map((x) => (/^\d+$/.test(x) ? Number(x) : x));
    const problem: Problem = { severity: p.severity, file: source.file, line: source.lineOf([...scenarioPath, ...segments]), message: `scenario: ${p.message}` };
    if (p.path) problem.path = [...scenarioPath.map(String), p.path].join('.');
    if (p.hint) problem.hint = p.hint;
    problems.push(problem);
  }
}
