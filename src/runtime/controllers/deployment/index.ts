// The Deployment controller (pkg/controller/deployment/deployment_controller.go syncDeployment): claims
// ReplicaSets, then scales (paused / scaling event) or rolls out by its strategy, and writes status.
import type { Stored, Deployment } from '../../api/types.js';
import { controllerRef, keyOf, newControllerRef, splitKey, refOf } from '../../api/types.js';
import { matchesSelector, isEmptySelector } from '../../api/selectors.js';
import type { Action, Controller, SyncContext } from '../../controller.js';
import type { StoreReader, WatchChange } from '../../store.js';
import { deepEqual } from '../../api/equal.js';
import { controllerOwnerKeys, selfKey, ownedBy, NO_KEYS } from '../podutil.js';
import type { RS, Dep } from './util.js';
import { newPlan, CONTROLLER_NAME } from './plan.js';
import type { Plan } from './plan.js';
import { getAllReplicaSetsAndSyncRevision, isScalingEvent, scale, cleanupDeployment } from './sync.js';
import { checkPausedConditions, syncDeploymentStatus } from './progress.js';
import { rolloutRolling } from './rolling.js';
import { rolloutRecreate } from './recreate.js';

export const DEPLOYMENT_CONTROLLER = CONTROLLER_NAME;

/** ReplicaSet changes go to the owning Deployment; an orphan to every Deployment that selects it. */
const ownerKeys = controllerOwnerKeys('Deployment');

function replicaSetKeys(change: WatchChange, store: StoreReader): readonly string[] {
  const owners = ownerKeys(change);
  const rs = change.object;
  if (change.type === 'DELETED' || controllerRef(rs)) return owners;
  const keys = [...owners];
  for (const d of store.list('Deployment', rs.metadata.namespace)) {
    if (matchesSelector(rs.metadata.labels, d.spec?.selector)) keys.push(keyOf(d));
  }
  return keys;
}

/** A deleted pod may unblock a Recreate rollout waiting for old pods (deletePod handler). */
function podKeys(change: WatchChange, store: StoreReader): readonly string[] {
  if (change.type !== 'DELETED') return NO_KEYS;
  const rsRef = controllerRef(change.object);
  if (rsRef?.kind !== 'ReplicaSet') return [];
  const rs = store.get('ReplicaSet', change.object.metadata.namespace, rsRef.name);
  const dRef = rs && controllerRef(rs);
  if (!dRef || dRef.kind !== 'Deployment') return [];
  const d = store.get('Deployment', rs.metadata.namespace, dRef.name);
  return d?.spec?.strategy?.type === 'Recreate' ? [keyOf(d)] : [];
}

/** getReplicaSetsForDeployment: owned ReplicaSets that still match, plus adopted orphans. */
function claimReplicaSets(d: Dep, store: StoreReader, actions: Action[]): RS[] {
  const out: RS[] = [];
  for (const rs of ownedBy<RS>(store, d as Stored, 'ReplicaSet') as RS[]) {
    if (matchesSelector(rs.metadata.labels, d.spec?.selector)) out.push(rs);
    else {
      const ownerReferences = (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid);
      actions.push({ type: 'update', object: { ...rs, metadata: { ...rs.metadata, ownerReferences } } });
    }
  }
  if (d.metadata.deletionTimestamp) return out;
  for (const rs of store.orphans<RS>('ReplicaSet', d.metadata.namespace) as RS[]) {
    if (rs.metadata.deletionTimestamp || !matchesSelector(rs.metadata.labels, d.spec?.selector)) continue;
    const adopted = { ...rs, metadata: { ...rs.metadata, ownerReferences: [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)] } } as RS;
    actions.push({ type: 'update', object: adopted });
    out.push(adopted);
  }
  return out;
}

/** sync: scaling and status only (paused Deployments, scaling events). */
function syncScale(plan: Plan): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, false);
  scale(plan, newRS, oldRSs);
  if (plan.d.spec?.paused) cleanupDeployment(plan, oldRSs);
  const latestNew = newRS && plan.rss.find((rs) => rs.metadata.name === newRS.metadata.name);
  syncDeploymentStatus(plan, plan.rss, latestNew);
}

/** Writes what the sync changed on the Deployment itself: annotations (revision), then status. */
function finish(plan: Plan): void {
  const d = plan.d;
  if (!deepEqual(plan.annotations, d.metadata.annotations ?? {})) {
    plan.actions.push({ type: 'update', object: { ...d, metadata: { ...d.metadata, annotations: plan.annotations } } });
  }
  if (!deepEqual(plan.status, d.status ?? {})) {
    plan.actions.push({ type: 'updateStatus', object: { ...d, status: plan.status } });
  }
}

export function syncDeployment(key: string, ctx: SyncContext): Action[] {
  const { namespace, name } = splitKey(key);
  const d = ctx.store.get<Deployment>('Deployment', namespace, name) as Dep | undefined;
  if (!d) return [];
  const actions: Action[] = [];
  if (isEmptySelector(d.spec?.selector)) {
    actions.push({ type: 'event', eventType: 'Warning', reason: 'SelectingAll', involved: refOf(d), message: 'This deployment is selecting all pods. A non-empty selector is required.' });
    return actions;
  }
  const plan = newPlan(d, claimReplicaSets(d, ctx.store, actions), ctx.now, ctx.store, actions);
  if (d.metadata.deletionTimestamp) {
    const { newRS } = getAllReplicaSetsAndSyncRevision(plan, false);
    syncDeploymentStatus(plan, plan.rss, newRS);
  } else {
    checkPausedConditions(plan);
    if (d.spec?.paused || isScalingEvent(plan)) syncScale(plan);
    else if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(plan);
    else rolloutRolling(plan);
  }
  finish(plan);
  return actions;
}

export const deploymentController: Controller = {
  name: DEPLOYMENT_CONTROLLER,
  watches: { Deployment: selfKey, ReplicaSet: replicaSetKeys, Pod: podKeys },
  sync: syncDeployment,
};
