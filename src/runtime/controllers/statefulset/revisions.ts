// The current and update ControllerRevisions of a StatefulSet (stateful_set_control.go
// getStatefulSetRevisions / truncateHistory).
import type { KubeObject } from '../../api/types.js';
import type { Action } from '../../controller.js';
import { equalRevision, newRevision, nextRevision, revisionsToPrune, sortRevisions, type RevLike } from '../history/index.js';
import type { SetLike } from './shapes.js';

export interface SetRevisions {
  current: Rev;
  update: Rev;
  collisionCount: number;
  /** Writes needed to make `update` exist with the newest revision number. */
  actions: Action[];
}

/** A stored revision (or one this sync creates). */
export type Rev = KubeObject & RevLike & { metadata: { name: string } };

/**
 * The update revision is the set's template now: an existing equal revision is reused (bumped to the
 * newest number when it is a rollback), else a new one is created. The current revision is the one
 * status.currentRevision names, or the update revision on first sync.
 */
export function setRevisions(set: KubeObject & SetLike, revisions: readonly Rev[]): SetRevisions {
  const revs = sortRevisions(revisions);
  let collisionCount = set.status?.collisionCount ?? 0;
  const actions: Action[] = [];
  let candidate = newRevision(set, set.spec?.template, nextRevision(revs), collisionCount, 'data').revision;
  const equal = revs.filter((r) => equalRevision(r, candidate));
  let update: Rev;
  const last = revs[revs.length - 1];
  if (equal.length && last && equal[equal.length - 1] === last) {
    update = last;
  } else if (equal.length) {
    const bumped = { ...equal[equal.length - 1]!, revision: candidate.revision };
    actions.push({ type: 'update', object: bumped });
    update = bumped;
  } else {
    // A different revision already holding this name is a hash collision: probe with the next count.
    while (revs.some((r) => r.metadata.name === candidate.metadata.name)) {
      collisionCount++;
      candidate = newRevision(set, set.spec?.template, candidate.revision, collisionCount, 'data').revision;
    }
    actions.push({ type: 'create', object: candidate });
    update = candidate as Rev;
  }
  const current = revs.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, actions };
}

/** Deletes of revisions beyond revisionHistoryLimit that no pod, current or update revision uses. */
export function pruneRevisions(set: SetLike, revisions: readonly Rev[], live: ReadonlySet<string>): Action[] {
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  return revisionsToPrune(revisions, live, limit).map((r) => ({
    type: 'delete' as const,
    kind: 'ControllerRevision' as const,
    namespace: r.metadata.namespace,
    name: r.metadata.name,
  }));
}
