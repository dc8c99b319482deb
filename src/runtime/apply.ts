// `kubectl apply`'s three-way merge (staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go): the patch is
// computed from the last applied manifest, the new manifest and the live object, so fields the server
// defaulted or generated (a Job's selector and controller-uid/job-name template labels, metadata labels
// copied from the template) survive a re-apply, while fields the user removed from the manifest go.
// Simplification: lists are replaced whole (strategic merge would merge containers by name; the fields it
// would keep there are server defaults, which the API server re-applies anyway).
import type { KubeObject } from './api/types.js';
import { clonePlain } from './api/equal.js';

type Json = Record<string, unknown>;

function isMap(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merges `desired` into `live`; keys present in `last` but not in `desired` (or null there) are removed. */
export function threeWayMerge(live: unknown, last: unknown, desired: unknown): unknown {
  if (!isMap(desired) || !isMap(live)) return clonePlain(desired);
  const out: Json = { ...live };
  const lastMap = isMap(last) ? last : {};
  for (const [k, v] of Object.entries(desired)) {
    if (v === null || v === undefined) delete out[k];
    else out[k] = threeWayMerge(live[k], lastMap[k], v);
  }
  for (const k of Object.keys(lastMap)) if (!(k in desired)) delete out[k];
  return out;
}

/** The object to write for a re-apply: labels, annotations and spec merged three ways, the rest live. */
export function applyPatch<T extends KubeObject>(live: T, last: KubeObject | undefined, desired: KubeObject): T {
  const metadata = { ...live.metadata } as Json;
  for (const field of ['labels', 'annotations'] as const) {
    const merged = threeWayMerge(live.metadata[field] ?? {}, last?.metadata?.[field], desired.metadata?.[field] ?? {}) as Json;
    if (Object.keys(merged).length) metadata[field] = merged;
    else delete metadata[field];
  }
  const spec = threeWayMerge(live.spec ?? {}, last?.spec, desired.spec ?? {});
  return { ...live, metadata, spec } as T;
}
