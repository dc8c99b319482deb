// Finding, creating, scaling and pruning a Deployment's ReplicaSets (pkg/controller/deployment/sync.go).
import type { Plan } from './plan.js';
import { putRS, scaleReplicaSet, scaleAndRecord, getCondition, newCondition, setCondition } from './plan.js';
import type { RS } from './util.js';
import {
  findNewReplicaSet,
  maxRevision,
  newReplicaSetAnnotations,
  newRSNewReplicas,
  maxSurge,
  replicasOf,
  specReplicas,
  activeReplicaSets,
  byCreation,
  byRevision,
  proportion,
  annotationInt,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  REVISION,
  POD_TEMPLATE_HASH,
  equalIgnoreHash,
} from './util.js';
import { computeHash } from '../../api/names.js';
import { newControllerRef, controllerRef } from '../../api/types.js';
import { hasProgressDeadline, NEW_RS_CREATED, FOUND_NEW_RS } from './progress.js';

export interface Versions {
  newRS: RS | undefined;
  oldRSs: RS[];
}

/** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked) and all the others. */
export function getAllReplicaSetsAndSyncRevision(plan: Plan, createIfNotExisted: boolean): Versions {
  const existing = findNewReplicaSet(plan.d, plan.rss);
  const oldRSs = plan.rss.filter((rs) => rs !== existing);
  const newRS = getNewReplicaSet(plan, existing, oldRSs, createIfNotExisted);
  return { newRS, oldRSs: plan.rss.filter((rs) => rs !== newRS && rs.metadata.name !== newRS?.metadata.name) };
}

/** SetDeploymentRevision on the plan's annotations. */
function setDeploymentRevision(plan: Plan, revision: string): void {
  if (plan.annotations[REVISION] !== revision) plan.annotations[REVISION] = revision;
}

function getNewReplicaSet(plan: Plan, existing: RS | undefined, oldRSs: RS[], create: boolean): RS | undefined {
  const d = plan.d;
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    const { annotations, changed } = newReplicaSetAnnotations(d, existing, newRevision, true);
    const minReady = d.spec?.minReadySeconds ?? 0;
    let rs = existing;
    if (changed || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
      rs = { ...existing, metadata: { ...existing.metadata, annotations }, spec: { ...existing.spec!, minReadySeconds: minReady } } as RS;
      if (!minReady) delete (rs.spec as { minReadySeconds?: number }).minReadySeconds;
      plan.actions.push({ type: 'update', object: rs });
      putRS(plan, rs);
    }
    setDeploymentRevision(plan, rs.metadata.annotations?.[REVISION] ?? String(newRevision));
    if (hasProgressDeadline(d) && !getCondition(plan.status, 'Progressing')) {
      setCondition(plan.status, newCondition(plan, 'Progressing', 'True', FOUND_NEW_RS, `Found new replica set "${rs.metadata.name}"`));
    }
    return rs;
  }
  if (!create) return undefined;
  return createNewReplicaSet(plan, oldRSs, newRevision);
}

function createNewReplicaSet(plan: Plan, oldRSs: RS[], newRevision: number): RS | undefined {
  const d = plan.d;
  const template = d.spec!.template!;
  const hash = computeHash(template, plan.status.collisionCount);
  const name = `${d.metadata.name}-${hash}`;
  const clash = plan.store.get('ReplicaSet', d.metadata.namespace, name);
  if (clash) {
    // A ReplicaSet of that name that is not ours (or has another template): a hash collision. Bump
    // collisionCount so the next sync computes another name (sync.go getNewReplicaSet).
    if (controllerRef(clash)?.uid !== d.metadata.uid || !equalIgnoreHash(clash.spec?.template, template)) {
      plan.status.collisionCount = (plan.status.collisionCount ?? 0) + 1;
      plan.actions.push({ type: 'requeueAfter', ms: 0 });
    }
    return undefined;
  }
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const selector = { ...d.spec!.selector, matchLabels: { ...(d.spec!.selector?.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash } };
  const draft = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels,
      ownerReferences: [newControllerRef(d)],
      annotations: {} as Record<string, string>,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      generation: 1,
    },
    spec: {
      replicas: 0,
      ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector,
      template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
    },
  } as RS;
  const strategy = d.spec?.strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  const replicas = newRSNewReplicas(strategy, replicasOf(d), maxSurge(d), specReplicas(oldRSs), 0);
  draft.spec!.replicas = replicas;
  draft.metadata.annotations = newReplicaSetAnnotations(d, draft, newRevision, false).annotations;
  const { uid: _u, resourceVersion: _r, creationTimestamp: _c, generation: _g, ...meta } = draft.metadata;
  plan.actions.push({ type: 'create', object: { ...draft, metadata: meta } });
  putRS(plan, draft);
  if (replicas > 0) {
    plan.actions.push({
      type: 'event',
      eventType: 'Normal',
      reason: 'ScalingReplicaSet',
      involved: { kind: 'Deployment', name: d.metadata.name, namespace: d.metadata.namespace ?? 'default' },
      message: `Scaled up replica set ${name} from 0 to ${replicas}`,
    });
  }
  setDeploymentRevision(plan, String(newRevision));
  if (hasProgressDeadline(d)) {
    const c = newCondition(plan, 'Progressing', 'True', NEW_RS_CREATED, `Created new replica set "${name}"`);
    // A fresh Progressing condition replaces whatever reason was there (sync.go uses SetDeploymentCondition).
    setCondition(plan.status, c);
  }
  return draft;
}

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(plan: Plan): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = annotationInt(rs, DESIRED_REPLICAS);
    if (desired !== undefined && desired !== replicasOf(plan.d)) return true;
  }
  return false;
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
function activeOrLatest(newRS: RS | undefined, oldRSs: RS[]): RS | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort(byCreation).reverse();
  const active = activeReplicaSets([...olds, newRS]);
  if (active.length === 0) return newRS ?? olds[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** IsSaturated: the new ReplicaSet has all replicas, annotated so, and all available. */
function isSaturated(plan: Plan, rs: RS | undefined): boolean {
  if (!rs) return false;
  const n = replicasOf(plan.d);
  return replicasOf(rs) === n && annotationInt(rs, DESIRED_REPLICAS) === n && (rs.status?.availableReplicas ?? 0) === n;
}

/** ReplicaSetsBySizeNewer / BySizeOlder. */
function bySize(newerFirst: boolean) {
  return (a: RS, b: RS): number => {
    const diff = replicasOf(b) - replicasOf(a);
    if (diff !== 0) return diff;
    return newerFirst ? byCreation(b, a) : byCreation(a, b);
  };
}

/** scale: a scaling event spread over the active ReplicaSets (proportional scaling, sync.go). */
export function scale(plan: Plan, newRS: RS | undefined, oldRSs: RS[]): void {
  const d = plan.d;
  const want = replicasOf(d);
  const single = activeOrLatest(newRS, oldRSs);
  if (single) {
    if (replicasOf(single) !== want) scaleAndRecord(plan, single, want);
    return;
  }
  if (isSaturated(plan, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleAndRecord(plan, old, 0);
    return;
  }
  if (d.spec?.strategy?.type === 'Recreate') return;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = want > 0 ? want + maxSurge(d) : 0;
  const toAdd = allowed - specReplicas(all);
  if (toAdd === 0) {
    for (const rs of all) scaleReplicaSet(plan, rs, replicasOf(rs), 'up');
    return;
  }
  all.sort(bySize(toAdd > 0));
  const op = toAdd > 0 ? 'up' : 'down';
  let added = 0;
  const sizes = all.map((rs) => {
    const p = proportion(replicasOf(rs), annotationInt(rs, MAX_REPLICAS), want, maxSurge(d), plan.d.status?.replicas ?? 0, toAdd, added);
    added += p;
    return replicasOf(rs) + p;
  });
  sizes[0] = Math.max(0, sizes[0]! + (toAdd - added));
  all.forEach((rs, i) => scaleReplicaSet(plan, rs, sizes[i]!, op));
}

/** cleanupDeployment: delete the oldest revisions beyond revisionHistoryLimit, if they are scaled to 0. */
export function cleanupDeployment(plan: Plan, oldRSs: RS[]): void {
  const limit = plan.d.spec?.revisionHistoryLimit;
  if (limit === undefined || limit === null) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp && rs.metadata.uid);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i]!;
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || rs.metadata.generation > (rs.status?.observedGeneration ?? 0)) continue;
    plan.actions.push({ type: 'delete', kind: 'ReplicaSet', namespace: rs.metadata.namespace, name: rs.metadata.name });
    plan.rss = plan.rss.filter((x) => x !== rs);
  }
}
