/**
 * Completion indexes of Indexed Jobs (pkg/controller/job/indexed_job_utils.go): the status string
 * "1,3-5" (two neighbours are written "3,4", runs of three or more "3-5"), the index annotation,
 * label, hostname and pod name prefix.
 */

export const COMPLETION_INDEX_KEY = 'batch.kubernetes.io/job-completion-index';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** Formats sorted, distinct indexes as Kubernetes writes status.completedIndexes. */
export function formatIndexes(sorted: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = sorted[i]!;
    const last = sorted[j]!;
    if (last === first) parts.push(String(first));
    else parts.push(`${first}${last === first + 1 ? ',' : '-'}${last}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Parses status.completedIndexes, keeping indexes below `completions` (as upstream does). */
export function parseIndexes(text: string | undefined, completions: number): number[] {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (part === '') continue;
    const [a, b] = part.split('-');
    const first = Number(a);
    const last = b === undefined ? first : Number(b);
    if (!Number.isInteger(first) || !Number.isInteger(last)) continue;
    for (let ix = first; ix <= last && ix < completions; ix++) out.add(ix);
  }
  return [...out].sort((x, y) => x - y);
}

/** The completion index a pod carries (annotation), or undefined if missing or malformed. */
export function completionIndexOf(annotations: Readonly<Record<string, string>> | undefined): number | undefined {
  const v = annotations?.[COMPLETION_INDEX_KEY];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** The `count` lowest indexes in [0, completions) that are neither succeeded nor taken by an active pod. */
export function firstPendingIndexes(completions: number, taken: ReadonlySet<number>, count: number): number[] {
  const out: number[] = [];
  for (let ix = 0; ix < completions && out.length < count; ix++) if (!taken.has(ix)) out.push(ix);
  return out;
}

// Names are at most 63 characters and generateName adds 5 (k8s.io/apiserver names.go).
const MAX_GENERATED_NAME_LENGTH = 58;

/** generateName for a pod of index `ix`: "<job>-<ix>-", the job name cut short if too long. */
export function podGenerateNameWithIndex(jobName: string, ix: number): string {
  const appendix = `-${ix}-`;
  const room = MAX_GENERATED_NAME_LENGTH - appendix.length;
  return (jobName.length > room ? jobName.slice(0, room) : jobName) + appendix;
}
