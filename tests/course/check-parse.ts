// Parses checks written as YAML text exactly as an exercise.yaml would hold them.
import { parseCheck } from '../../src/course/pack/checks.js';
import { Reader } from '../../src/course/pack/fields.js';
import { parsePackYaml } from '../../src/course/pack/yaml.js';
import type { Check, Problem } from '../../src/course/types.js';

export function parseChecks(yaml: string): { checks: Check[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed = parsePackYaml(yaml, 'exercise.yaml');
  problems.push(...parsed.problems);
  if (!parsed.source) return { checks: [], problems };
  const r = new Reader(parsed.source, problems);
  const list = parsed.source.data as unknown[];
  const checks = list.map((c, i) => parseCheck(r, c, ['checks', i])).filter((c): c is Check => c !== undefined);
  return { checks, problems };
}

export function check(yaml: string): Check {
  const { checks, problems } = parseChecks(yaml);
  if (problems.length || checks.length !== 1) throw new Error('bad test check: ' + JSON.stringify(problems));
  return checks[0]!;
}
