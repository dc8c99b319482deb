// Hand-built timelines for check tests: each helper makes an immutable object snapshot like the runtime's.
import type { KubeLike, SimulationRecord, TimelineEntryLike, CourseEvent } from '../../src/course/types.js';

export const START = Date.UTC(2030, 0, 1);

export function pod(name: string, o: { labels?: Record<string, string>; phase?: string; ready?: boolean; node?: string; owner?: KubeLike; terminating?: boolean } = {}): KubeLike {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels: o.labels ?? {},
      creationTimestamp: new Date(START).toISOString(),
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'v1', kind: o.owner.kind, name: o.owner.metadata.name!, uid: o.owner.metadata.uid!, controller: true }] } : {}),
      ...(o.terminating ? { deletionTimestamp: new Date(START).toISOString() } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: { phase: o.phase ?? 'Pending', conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False' }] },
  };
}

export function obj(kind: string, name: string, extra: { spec?: unknown; status?: unknown; labels?: Record<string, string>; owner?: KubeLike } = {}): KubeLike {
  return {
    apiVersion: 'v1',
    kind,
    metadata: {
      name,
      ...(kind === 'Node' ? {} : { namespace: 'default' }),
      uid: `uid-${kind}-${name}`,
      labels: extra.labels ?? {},
      creationTimestamp: new Date(START).toISOString(),
      ...(extra.owner ? { ownerReferences: [{ apiVersion: 'v1', kind: extra.owner.kind, name: extra.owner.metadata.name!, uid: extra.owner.metadata.uid!, controller: true }] } : {}),
    },
    spec: extra.spec ?? {},
    status: extra.status ?? {},
  };
}

/** Builds a simulation record from [seconds, type, object] triples, in order. */
export function sim(changes: [number, 'ADDED' | 'MODIFIED' | 'DELETED', KubeLike][], opts: { steps?: number[]; events?: CourseEvent[]; end?: number } = {}): SimulationRecord {
  const timeline: TimelineEntryLike[] = changes.map(([s, type, object], seq) => ({ time: START + s * 1000, seq, type, object }));
  const endS = opts.end ?? (changes.at(-1)?.[0] ?? 0);
  return {
    clock: new Date(START + endS * 1000).toISOString(),
    start: START,
    items: [],
    events: opts.events ?? [],
    timeline,
    steps: (opts.steps ?? []).map((s, index) => ({ index, time: START + s * 1000, description: `step ${index + 1}` })),
  };
}

export function event(seconds: number, reason: string, kind: string, name: string, message = '', type: 'Normal' | 'Warning' = 'Normal'): CourseEvent {
  return { time: START + seconds * 1000, type, reason, involvedObject: { kind, name, namespace: 'default' }, message };
}
