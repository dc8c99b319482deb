/**
 * A cluster state reconstructed from the timeline: objects by kind and by uid. The timeline holds
 * immutable snapshots, so a view is just maps of references, updated entry by entry.
 */
import type { KubeLike, SimulationRecord, TimelineEntryLike } from '../types.js';

export class ClusterView {
  private readonly byKind = new Map<string, Map<string, KubeLike>>();
  private readonly byUid = new Map<string, KubeLike>();

  apply(entry: TimelineEntryLike): void {
    const obj = entry.object;
    if (obj.kind === 'Event') return; // events are read from the event list, not from the state
    let kind = this.byKind.get(obj.kind);
    if (!kind) this.byKind.set(obj.kind, (kind = new Map()));
    const key = objectKey(obj);
    if (entry.type === 'DELETED') {
      kind.delete(key);
      if (obj.metadata.uid) this.byUid.delete(obj.metadata.uid);
    } else {
      kind.set(key, obj);
      if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, obj);
    }
  }

  list(kind: string): KubeLike[] {
    return [...(this.byKind.get(kind)?.values() ?? [])];
  }

  get(kind: string, key: string): KubeLike | undefined {
    return this.byKind.get(kind)?.get(key);
  }

  owner(uid: string): KubeLike | undefined {
    return this.byUid.get(uid);
  }

  static fromObjects(objects: readonly KubeLike[]): ClusterView {
    const view = new ClusterView();
    for (const object of objects) view.apply({ time: 0, seq: 0, type: 'ADDED', object });
    return view;
  }
}

export function objectKey(obj: KubeLike): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

/** Timeline entries grouped by virtual time: an "instant" is evaluated after all its changes. */
export function groupByTime(entries: readonly TimelineEntryLike[]): TimelineEntryLike[][] {
  const groups: TimelineEntryLike[][] = [];
  for (const e of entries) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.time === e.time) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

export interface Window {
  from: number;
  to: number;
}

/**
 * Calls `visit(time, view)` for each instant in the window: first the state in effect when the window
 * opens, then after each later group of same-time changes, stopping before `to`. Return false to stop.
 */
export function forEachInstant(groups: readonly TimelineEntryLike[][], window: Window, visit: (time: number, view: ClusterView) => boolean): void {
  const view = new ClusterView();
  let opened = false;
  for (const group of groups) {
    const t = group[0]!.time;
    if (t >= window.to) break;
    if (t > window.from && !opened) {
      opened = true;
      if (!visit(window.from, view)) return;
    }
    for (const e of group) view.apply(e);
    if (t >= window.from) {
      opened = true;
      if (!visit(t, view)) return;
    }
  }
  if (!opened) visit(window.from, view);
}

/** The virtual-time window a `during: { fromStep, toStep }` selects (1-based steps), or why it cannot. */
export function windowFor(during: { fromStep?: number; toStep?: number } | undefined, sim: SimulationRecord, groups: readonly TimelineEntryLike[][]): Window | string {
  const first = groups[0]?.[0]?.time ?? sim.start;
  if (!during) return { from: first, to: Infinity };
  const timeOf = (n: number | undefined, fallback: number): number | string => {
    if (n === undefined) return fallback;
    const step = sim.steps[n - 1];
    return step ? step.time : `the scenario has ${sim.steps.length} step${sim.steps.length === 1 ? '' : 's'}, so step ${n} does not exist`;
  };
  const from = timeOf(during.fromStep, first);
  const to = timeOf(during.toStep, Infinity);
  if (typeof from === 'string') return from;
  if (typeof to === 'string') return to;
  return { from, to };
}
