import type { KubeLike, SimulationRecord, TimelineEntryLike } from '../../../src/course/types.js';

/** Small hand-built timelines: what the runtime records, written out by hand. */
export const START = Date.UTC(2030, 0, 1);

export function node(name: string): KubeLike {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
}

export function pod(
  name: string,
  opts: { node?: string; phase?: string; ready?: boolean; owner?: [string, string]; waiting?: string; deleting?: boolean; claims?: string[]; restarts?: number } = {},
): KubeLike {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: opts.owner[0], name: opts.owner[1], uid: `uid-${opts.owner[1]}`, controller: true }] } : {}),
      ...(opts.deleting ? { deletionTimestamp: '2030-01-01T00:00:10Z' } : {}),
    },
    spec: {
      ...(opts.node ? { nodeName: opts.node } : {}),
      volumes: (opts.claims ?? []).map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })),
    },
    status: {
      phase: opts.phase ?? 'Pending',
      conditions: [{ type: 'Ready', status: opts.ready ? 'True' : 'False' }],
      containerStatuses: [{ restartCount: opts.restarts ?? 0, state: opts.waiting ? { waiting: { reason: opts.waiting } } : {} }],
    },
  };
}

export function owned(kind: string, name: string, owner?: [string, string], extra: Partial<KubeLike> = {}): KubeLike {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: owner[0], name: owner[1], uid: `uid-${owner[1]}`, controller: true }] } : {}),
    },
    spec: { replicas: 2 },
    status: {},
    ...extra,
  };
}

export function entry(sec: number, type: TimelineEntryLike['type'], object: KubeLike, seq = 0): TimelineEntryLike {
  return { time: START + sec * 1000, seq, type, object };
}

export function record(timeline: TimelineEntryLike[], extra: Partial<SimulationRecord> = {}): SimulationRecord {
  return { clock: '', start: START, items: [], events: [], steps: [], timeline: timeline.map((e, seq) => ({ ...e, seq })), ...extra };
}
