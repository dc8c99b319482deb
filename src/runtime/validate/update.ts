// Rules that compare an object with the version already stored (kubectl apply of an edited file).
// The stored object has defaults applied and the new one does not, so only fields the new manifest
// sets are compared.
import type { KubeObject } from '../api/types.js';
import type { Problem } from '../yaml/problem.js';
import { isPlainObject } from './schema-check.js';
import { Reporter } from './report.js';

const APPS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'];
/** StatefulSet spec fields that may change (pkg/apis/apps/validation ValidateStatefulSetUpdate). */
const STATEFULSET_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function validateUpdate(old: KubeObject, next: KubeObject, where: { file: string; line: number; column: number }): Problem[] {
  const r = new Reporter({ file: where.file, positionOf: () => ({ line: where.line, column: where.column }) });
  r.kind = next.kind;
  r.name = typeof next.metadata?.name === 'string' ? next.metadata.name : undefined;
  const oldSpec = isPlainObject(old.spec) ? old.spec : {};
  const newSpec = isPlainObject(next.spec) ? next.spec : {};
  if (APPS.includes(next.kind) || (next.kind === 'Job' && newSpec['selector'] != null)) {
    if (newSpec['selector'] != null && !sameValue(oldSpec['selector'], newSpec['selector'])) {
      r.error('selector-immutable', ['spec', 'selector'], `the selector of an existing ${next.kind} cannot be changed`, `Keep the old selector, or delete the ${next.kind} and create it again.`);
    }
  }
  if (next.kind === 'StatefulSet') {
    for (const field of Object.keys(newSpec)) {
      if (STATEFULSET_MUTABLE.includes(field) || field === 'selector') continue;
      if (!sameValue(oldSpec[field], newSpec[field]) && !(field === 'volumeClaimTemplates' && sameClaimNames(oldSpec[field], newSpec[field]))) {
        r.error('statefulset-immutable', ['spec', field], `spec.${field} of an existing StatefulSet cannot be changed`, "Only replicas, template, updateStrategy, minReadySeconds, ordinals, revisionHistoryLimit and persistentVolumeClaimRetentionPolicy can be updated; delete and recreate the StatefulSet to change the rest.");
      }
    }
  }
  return r.problems;
}

/** Claim templates are defaulted by the store; compare their names only. */
function sameClaimNames(a: unknown, b: unknown): boolean {
  const names = (v: unknown): string => JSON.stringify(Array.isArray(v) ? v.map((t) => (isPlainObject(t) && isPlainObject(t['metadata']) ? t['metadata']['name'] : undefined)) : []);
  return names(a) === names(b);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] != null);
    const kb = Object.keys(b).filter((k) => b[k] != null);
    return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}
