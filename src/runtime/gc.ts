// The garbage collector (pkg/controller/garbagecollector): when an owner is deleted, its dependents are
// deleted in the background (or orphaned with propagationPolicy Orphan). A dependent with another owner
// that still exists only loses the reference to the deleted one.
import type { Stored } from './api/types.js';
import type { Store, WatchChange } from './store.js';
import { ApiError } from './store.js';
import type { Loop } from './loop.js';

export const GARBAGE_COLLECTOR = 'garbage-collector';

export class GarbageCollector {
  constructor(
    private readonly store: Store,
    private readonly loop: Loop,
  ) {
    store.watch((c) => this.onChange(c));
  }

  private onChange(c: WatchChange): void {
    if (c.type !== 'DELETED') return;
    const owner = c.object.metadata.uid;
    if (this.store.dependentsOf(owner).length === 0) return;
    // The collector works from its own graph, asynchronously: a task at the current instant.
    this.loop.at(this.loop.now(), `gc ${c.object.kind}/${c.object.metadata.name}`, () =>
      this.collect(owner, c.propagationPolicy ?? 'Background'),
    );
  }

  private collect(ownerUid: string, policy: string): void {
    for (const dep of this.store.dependentsOf(ownerUid)) {
      const remaining = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
      const ownerLeft = remaining.some((r) => this.store.getByUid(r.uid));
      if (policy === 'Orphan' || ownerLeft) {
        this.dropOwner(dep, remaining);
      } else if (!dep.metadata.deletionTimestamp) {
        this.deleteQuietly(dep);
      }
    }
  }

  private dropOwner(dep: Stored, remaining: Stored['metadata']['ownerReferences']): void {
    const metadata = { ...dep.metadata, ownerReferences: remaining };
    if (!remaining?.length) delete metadata.ownerReferences;
    this.store.update({ ...dep, metadata });
  }

  private deleteQuietly(dep: Stored): void {
    try {
      this.store.delete(dep.kind, dep.metadata.namespace, dep.metadata.name, { propagationPolicy: 'Background' });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
}
