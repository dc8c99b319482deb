/**
 * spec.successPolicy of Indexed Jobs (pkg/controller/job/success_policy.go): the Job succeeds early
 * once any rule holds — all its succeededIndexes succeeded, or at least succeededCount of them
 * (of all indexes when succeededIndexes is unset).
 */
import type { SuccessPolicy } from 'kubernetes-types/batch/v1.js';
import { parseIndexes } from './indexes.js';

/** "Matched rules at index N" for the first rule met, or undefined. */
export function matchSuccessPolicy(policy: SuccessPolicy | undefined, completions: number, succeeded: ReadonlySet<number>): string | undefined {
  for (const [index, rule] of (policy?.rules ?? []).entries()) {
    if (rule.succeededIndexes !== undefined) {
      const wanted = parseIndexes(rule.succeededIndexes, completions);
      const done = wanted.filter((ix) => succeeded.has(ix)).length;
      if (rule.succeededCount === undefined ? done === wanted.length && wanted.length > 0 : done >= rule.succeededCount) return `Matched rules at index ${index}`;
    } else if (rule.succeededCount !== undefined && succeeded.size >= rule.succeededCount) {
      return `Matched rules at index ${index}`;
    }
  }
  return undefined;
}
