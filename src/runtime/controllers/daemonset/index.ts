// The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, placed by a required node
// affinity on the node's name and still bound by the scheduler; rolled by revision hash.
import type { Affinity, PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { KubeObject, Stored } from '../../api/types.js';
import { keyOf, refOf, splitKey } from '../../api/types.js';
import { isEmptySelector } from '../../api/selectors.js';
import type { Action, Controller, StoreReader, SyncContext, WatchChange } from '../../controller.js';
import { controllerOwnerKeys, ownedBy, podFromTemplate, selfKey } from '../podutil.js';
import { claimPods, podOwnerKeys } from '../statefulset/claim.js';
import type { RevLike } from '../history/index.js';
import { daemonRevisions } from './revisions.js';
import { DAEMON_REVISION_LABEL, planManage, planRollingUpdate, type DaemonPlan } from './plan.js';
import { withDaemonTolerations } from './tolerations.js';
import { computeDaemonStatus, daemonStatusChanged } from './status.js';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';

type DS = Stored<DaemonSet & KubeObject>;

/** Every DaemonSet looks again when a node appears, changes or goes (addNode/updateNode handlers). */
function nodeKeys(change: WatchChange, store: StoreReader): string[] {
  if (change.type === 'MODIFIED' && !nodeSchedulingChanged(change)) return [];
  return store.list('DaemonSet').map((ds) => keyOf(ds));
}

/** Only labels, taints, unschedulable and conditions matter to daemon placement (shouldIgnoreNodeUpdate). */
function nodeSchedulingChanged(change: WatchChange): boolean {
  const a = change.old;
  const b = change.object;
  if (!a) return true;
  const s = (o: unknown) => JSON.stringify(o ?? null);
  return (
    s(a.metadata.labels) !== s(b.metadata.labels) ||
    s(a.spec?.taints) !== s(b.spec?.taints) ||
    a.spec?.unschedulable !== b.spec?.unschedulable ||
    s(a.status?.conditions?.map((c: { type: string; status: string }) => [c.type, c.status])) !==
      s(b.status?.conditions?.map((c: { type: string; status: string }) => [c.type, c.status]))
  );
}

/**
 * A DaemonSet's own changes. Upstream resyncs on every update; a status write that keeps the spec and
 * collisionCount (all the plan reads) would only replan to the same nothing, so it is skipped.
 */
function daemonSetKeys(change: WatchChange): string[] {
  const a = change.old;
  const b = change.object;
  if (change.type === 'MODIFIED' && a && a.spec === b.spec && a.status?.collisionCount === b.status?.collisionCount) return [];
  return selfKey(change);
}

export const daemonSetController: Controller = {
  name: DAEMONSET_CONTROLLER,
  watches: {
    DaemonSet: daemonSetKeys,
    Pod: podOwnerKeys('DaemonSet'),
    ControllerRevision: controllerOwnerKeys('DaemonSet'),
    Node: nodeKeys,
  },
  sync: syncDaemonSet,
};

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes "metadata.name In [node]". */
export function nodeNameAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  return { ...(affinity ?? {}), nodeAffinity: { ...(affinity?.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required } };
}

/** A daemon pod for `node` (syncNodes + CreatePodTemplate): automatic tolerations, revision label, affinity. */
export function newDaemonPod(ds: DS, template: PodTemplateSpec | undefined, hash: string, nodeName: string): KubeObject {
  const pod = podFromTemplate(template ?? {}, ds as Stored, `${ds.metadata.name}-`, { [DAEMON_REVISION_LABEL]: hash });
  const spec = withDaemonTolerations({ ...(template?.spec ?? { containers: [] }) });
  spec.affinity = nodeNameAffinity(spec.affinity, nodeName);
  return { ...pod, spec };
}

export function syncDaemonSet(key: string, ctx: SyncContext): Action[] {
  const { namespace, name } = splitKey(key);
  const ds = ctx.store.get<DaemonSet & KubeObject>('DaemonSet', namespace, name) as DS | undefined;
  if (!ds || ds.metadata.deletionTimestamp) return [];
  if (isEmptySelector(ds.spec?.selector)) {
    const message = 'This daemon set is selecting all pods. A non-empty selector is required.';
    return [{ type: 'event', eventType: 'Warning', reason: 'SelectingAll', involved: refOf(ds), message }];
  }
  const nodes = ctx.store.list('Node');
  const actions: Action[] = [];
  const pods = claimPods(ds as Stored, ctx.store, actions);
  const revisions = ownedBy<KubeObject & RevLike>(ctx.store, ds, 'ControllerRevision');
  const history = daemonRevisions(ds, revisions);
  actions.push(...history.actions);
  const input = { ds, nodes, pods, hash: history.hash, now: ctx.now };
  const manage = planManage(input);
  actions.push(...planActions(ds, manage, ds.spec?.template, history.hash));
  // Upstream waits for its creates/deletes to be observed (expectations) before a rolling-update pass.
  const settled = manage.createOn.length === 0 && manage.deletePods.length === 0;
  if (settled && ds.spec?.updateStrategy?.type !== 'OnDelete') {
    actions.push(...planActions(ds, planRollingUpdate(input), ds.spec?.template, history.hash));
  }
  const { status, requeueAfterMs } = computeDaemonStatus(ds, nodes, pods, history.hash, ctx.now);
  status.collisionCount = history.collisionCount;
  if (daemonStatusChanged(ds.status, status)) actions.push({ type: 'updateStatus', object: { ...ds, status } });
  actions.push(...history.prune(pods));
  if (requeueAfterMs !== undefined) actions.push({ type: 'requeueAfter', ms: requeueAfterMs });
  return actions;
}

/** syncNodes: creates with "Created pod" events, deletes with "Deleted pod" events. */
function planActions(ds: DS, plan: DaemonPlan, template: PodTemplateSpec | undefined, hash: string): Action[] {
  const involved = refOf(ds);
  const actions: Action[] = plan.events.map((e) => ({ type: 'event', eventType: e.type, reason: e.reason, involved, message: e.message }));
  for (const nodeName of plan.createOn) {
    actions.push({
      type: 'create',
      object: newDaemonPod(ds, template, hash, nodeName),
      event: { eventType: 'Normal', reason: 'SuccessfulCreate', involved, message: 'Created pod: {name}' },
    });
  }
  for (const pod of plan.deletePods) {
    const podName = pod.metadata?.name ?? '';
    actions.push({
      type: 'delete',
      kind: 'Pod',
      namespace: ds.metadata.namespace,
      name: podName,
      event: { eventType: 'Normal', reason: 'SuccessfulDelete', involved, message: `Deleted pod: ${podName}` },
    });
  }
  return actions;
}
