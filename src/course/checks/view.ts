/**
 * A cluster state reconstructed from the timeline: objects by kind and by uid. The timeline holds
 * immutable snapshots, so a view is just maps of references, updated entry by entry.
 */
import type { KubeLike, TimelineEntryLike } from '../types.js';

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
