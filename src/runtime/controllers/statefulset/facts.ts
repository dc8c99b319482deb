// What the controller reads from a pod on every sync, worked out once per pod version. Stored objects are
// immutable, so a pod object's facts never change; a sync over N pods then costs N cache lookups instead
// of N name parses and condition scans (the StatefulSet controller looks at every pod on every sync).
import type { PodLike } from './shapes.js';

export interface PodFacts {
  parent: string;
  ordinal: number;
  phase: string;
  ready: boolean;
  /** When the Ready condition last turned True (ms), NaN if unknown. */
  readySince: number;
  terminating: boolean;
  revision: string;
  /** Whether the pod matched a given owner selector (see claim.ts). */
  selector?: { of: unknown; ok: boolean };
  /** Identity/storage verdict and claim names against one set spec (see memoFor). */
  memo?: { spec: unknown; identityOk: boolean; claimNames: string[]; claims?: readonly unknown[]; claimsOk?: boolean };
}

const cache = new WeakMap<object, PodFacts>();

/** "(.*)-([0-9]+)$" as upstream, parsed by hand; ordinal -1 when the name has none. */
export function parseName(podName: string): { parent: string; ordinal: number } {
  const dash = podName.lastIndexOf('-');
  if (dash < 0 || dash === podName.length - 1) return { parent: '', ordinal: -1 };
  let ordinal = 0;
  for (let i = dash + 1; i < podName.length; i++) {
    const d = podName.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return { parent: '', ordinal: -1 };
    ordinal = ordinal * 10 + d;
  }
  // Upstream parses into an int32; anything larger is "no ordinal".
  return { parent: podName.slice(0, dash), ordinal: ordinal <= 0x7fffffff ? ordinal : -1 };
}

export function factsOf(pod: PodLike): PodFacts {
  let f = cache.get(pod);
  if (f) return f;
  const { parent, ordinal } = parseName(pod.metadata?.name ?? '');
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  f = {
    parent,
    ordinal,
    phase: pod.status?.phase ?? '',
    ready: ready?.status === 'True',
    readySince: ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : Number.NaN,
    terminating: pod.metadata?.deletionTimestamp !== undefined && pod.metadata?.deletionTimestamp !== null,
    revision: pod.metadata?.labels?.['controller-revision-hash'] ?? '',
  };
  cache.set(pod, f);
  return f;
}

/**
 * Per-pod results that depend on the set's spec too: recomputed only when the set's spec object changes
 * (status writes keep the spec object, so between spec edits they are computed once per pod version).
 */
export type PodMemo = NonNullable<PodFacts['memo']>;

export function memoFor(f: PodFacts, spec: unknown, compute: () => { identityOk: boolean; claimNames: string[] }): PodMemo {
  if (f.memo && f.memo.spec === spec) return f.memo;
  f.memo = { spec, ...compute() };
  return f.memo;
}
