// DaemonSet history (daemon/update.go constructHistory, snapshot, cleanupHistory): the revision equal to
// the current template is "current" (created, or renumbered on rollback); its hash labels new pods.
import type { PodLike } from '../statefulset/shapes.js';
import type { KubeObject } from '../../api/types.js';
import type { Action } from '../../controller.js';
import { equalRevision, newRevision, revisionsToPrune, revisionData, type RevLike } from '../history/index.js';
import { DAEMON_REVISION_LABEL } from './plan.js';
import type { DsLike } from './shapes.js';

type Rev = KubeObject & RevLike & { metadata: { name: string } };

export interface DaemonHistory {
  hash: string;
  collisionCount: number;
  actions: Action[];
  /** Deletes of old revisions beyond revisionHistoryLimit that no pod uses. */
  prune: (pods: readonly PodLike[]) => Action[];
}

export function daemonRevisions(ds: KubeObject & DsLike, revisions: readonly Rev[]): DaemonHistory {
  const template = ds.spec?.template;
  const probe = { data: revisionData(template), revision: 0, metadata: {} };
  const current = revisions.filter((r) => equalRevision(r, probe));
  const old = revisions.filter((r) => !current.includes(r));
  const next = old.reduce((m, r) => Math.max(m, r.revision), 0) + 1;
  let collisionCount = ds.status?.collisionCount ?? 0;
  const actions: Action[] = [];
  let hash: string;
  const keep = current.reduce<Rev | undefined>((k, r) => (!k || r.revision >= k.revision ? r : k), undefined);
  if (keep) {
    hash = keep.metadata.labels?.[DAEMON_REVISION_LABEL] ?? keep.metadata.name.slice((ds.metadata?.name ?? '').length + 1);
    if (keep.revision < next) actions.push({ type: 'update', object: renumbered(keep, next) });
    for (const dup of current) {
      if (dup !== keep) actions.push({ type: 'delete', kind: 'ControllerRevision', namespace: dup.metadata.namespace, name: dup.metadata.name });
    }
  } else {
    let made = newRevision(ds, template, next, collisionCount, 'template');
    // A name taken by a different revision is a hash collision: bump collisionCount and hash again.
    while (revisions.some((r) => r.metadata.name === made.revision.metadata.name)) {
      made = newRevision(ds, template, next, ++collisionCount, 'template');
    }
    hash = made.hash;
    // DaemonSet revisions carry the pod label key with the bare hash (labelsutil.CloneAndAddLabel).
    const labels = { ...(template?.metadata?.labels ?? {}), [DAEMON_REVISION_LABEL]: hash };
    actions.push({ type: 'create', object: { ...made.revision, metadata: { ...made.revision.metadata, labels } } });
  }
  const prune = (pods: readonly PodLike[]): Action[] => {
    const liveHashes = new Set(pods.map((p) => p.metadata?.labels?.[DAEMON_REVISION_LABEL] ?? ''));
    const live = new Set(old.filter((r) => liveHashes.has(r.metadata.labels?.[DAEMON_REVISION_LABEL] ?? '')).map((r) => r.metadata.name));
    return revisionsToPrune(old, live, ds.spec?.revisionHistoryLimit ?? 10).map((r) => ({
      type: 'delete' as const,
      kind: 'ControllerRevision' as const,
      namespace: r.metadata.namespace,
      name: r.metadata.name,
    }));
  };
  return { hash, collisionCount, actions, prune };
}

/** The same revision with a new number (a rollback makes an old template the newest). */
function renumbered(rev: Rev, revision: number): KubeObject {
  return { ...rev, ...{ revision } };
}
