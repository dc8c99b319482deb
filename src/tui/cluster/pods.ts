import type { KubeLike } from '../../course/types.js';
import type { Tone } from '../text.js';

/** What a learner sees a pod doing, in the words `kubectl get pods` uses for STATUS. */
export type PodDisplayPhase =
  | 'Pending'
  | 'ContainerCreating'
  | 'Running'
  | 'Succeeded'
  | 'Failed'
  | 'Terminating'
  | 'CrashLoopBackOff';

/** Every phase has its own letter so that colour is never the only cue (NO_COLOR, 16 colours). */
export const PHASE_STYLE: Record<PodDisplayPhase, { letter: string; tone: Tone }> = {
  Pending: { letter: 'P', tone: 'warn' },
  ContainerCreating: { letter: 'C', tone: 'info' },
  Running: { letter: 'R', tone: 'ok' },
  Succeeded: { letter: 'S', tone: 'dim' },
  Failed: { letter: 'F', tone: 'bad' },
  Terminating: { letter: 'T', tone: 'accent' },
  CrashLoopBackOff: { letter: '!', tone: 'bad' },
};

export const READY_MARK = '✓';
export const NOT_READY_MARK = '·';

interface PodStatusLike {
  phase?: string;
  conditions?: { type: string; status: string }[];
  containerStatuses?: { restartCount?: number; state?: { waiting?: { reason?: string } } }[];
}

function podStatus(pod: KubeLike): PodStatusLike {
  return (pod.status ?? {}) as PodStatusLike;
}

/**
 * kubectl's STATUS column, simplified: a deletion timestamp shows Terminating; a waiting container's
 * reason (ContainerCreating, CrashLoopBackOff) wins over the phase (k8s.io/kubectl pkg/describe printPod).
 */
export function podDisplayPhase(pod: KubeLike): PodDisplayPhase {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const status = podStatus(pod);
  const waiting = status.containerStatuses?.map((c) => c.state?.waiting?.reason).find(Boolean);
  if (waiting === 'CrashLoopBackOff') return 'CrashLoopBackOff';
  switch (status.phase) {
    case 'Running':
      return 'Running';
    case 'Succeeded':
      return 'Succeeded';
    case 'Failed':
      return 'Failed';
    default:
      return nodeNameOf(pod) ? 'ContainerCreating' : 'Pending';
  }
}

export function podReady(pod: KubeLike): boolean {
  return podStatus(pod).conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function podRestarts(pod: KubeLike): number {
  return (podStatus(pod).containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

export function nodeNameOf(pod: KubeLike): string | undefined {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName || undefined;
}

/** Names of the PersistentVolumeClaims a pod mounts. */
export function podClaims(pod: KubeLike): string[] {
  const volumes = (pod.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] } | undefined)?.volumes;
  return (volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => Boolean(n));
}

export function controllerOf(o: KubeLike): { kind: string; name: string } | undefined {
  const refs = o.metadata.ownerReferences ?? [];
  return refs.find((r) => r.controller) ?? refs[0];
}
