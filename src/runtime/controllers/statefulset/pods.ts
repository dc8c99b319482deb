// Turning plan steps into API writes and events (stateful_pod_control.go): claims before pods, one event
// per pod and claim with upstream's wording.
import type { PersistentVolumeClaim, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { StatefulSet } from 'kubernetes-types/apps/v1.js';
import type { KubeObject, Stored } from '../../api/types.js';
import { newControllerRef, refOf } from '../../api/types.js';
import type { Action, StoreReader } from '../../controller.js';
import {
  claimNamesFor,
  claimsFor,
  identityLabels,
  identityMatches,
  ordinalOf,
  podName,
  REVISION_LABEL,
  storageMatches,
  volumesWithClaims,
  withNetworkIdentity,
} from './identity.js';
import { factsOf, memoFor, type PodMemo } from './facts.js';
import { claimOwnerRefs, claimOwnersUpToDate } from './retention.js';
import type { Step } from './plan.js';

type Set = Stored<StatefulSet & KubeObject>;

export interface PodSource {
  set: Set;
  store: StoreReader;
  /** The pod template of each revision name. */
  templateOf: (revision: string) => PodTemplateSpec | undefined;
}

function ns(set: Set): string {
  return set.metadata.namespace ?? 'default';
}

/** newVersionedStatefulSetPod: the template of the revision, with identity, claims and the revision label. */
export function newStatefulPod(set: Set, template: PodTemplateSpec | undefined, ordinal: number, revision: string): KubeObject {
  const name = podName(set.metadata.name, ordinal);
  const spec = withNetworkIdentity({ ...(template?.spec ?? { containers: [] }) }, set, ordinal);
  spec.volumes = volumesWithClaims(set, ordinal, template?.spec?.volumes);
  if (!spec.volumes.length) delete spec.volumes;
  const metadata: KubeObject['metadata'] = {
    name,
    namespace: ns(set),
    labels: { ...(template?.metadata?.labels ?? {}), ...identityLabels(set.metadata.name, ordinal), [REVISION_LABEL]: revision },
    ownerReferences: [newControllerRef(set)],
  };
  if (template?.metadata?.annotations) metadata.annotations = { ...template.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** Creates of the claims a pod of `ordinal` needs and that do not exist yet (createPersistentVolumeClaims). */
export function missingClaims(src: PodSource, ordinal: number, pod?: Pod): Action[] {
  const { set, store } = src;
  const actions: Action[] = [];
  // Checked on every sync of a Pending pod: look the names up before building any claim.
  if (claimNamesFor(set, ordinal).every((n) => store.get('PersistentVolumeClaim', ns(set), n))) return actions;
  for (const claim of claimsFor(set, ordinal)) {
    const name = claim.metadata!.name!;
    if (store.get('PersistentVolumeClaim', ns(set), name)) continue;
    const owners = claimOwnerRefs(claim, set, pod);
    const object = { ...claim, metadata: { ...claim.metadata, ...(owners.length ? { ownerReferences: owners } : {}) } };
    actions.push({
      type: 'create',
      object: object as KubeObject,
      event: {
        eventType: 'Normal',
        reason: 'SuccessfulCreate',
        involved: refOf(set),
        message: `create Claim ${name} Pod ${podName(set.metadata.name, ordinal)} in StatefulSet ${set.metadata.name} success`,
      },
    });
  }
  return actions;
}

/** Existing claims of a member pod. */
export function claimsOf(src: PodSource, pod: Pod): Stored<PersistentVolumeClaim & KubeObject>[] {
  const out: Stored<PersistentVolumeClaim & KubeObject>[] = [];
  for (const name of claimNamesFor(src.set, ordinalOf(pod))) {
    const found = src.store.get<PersistentVolumeClaim & KubeObject>('PersistentVolumeClaim', ns(src.set), name);
    if (found) out.push(found);
  }
  return out;
}

export function claimsMatchPolicy(src: PodSource, pod: Pod, known?: PodMemo): boolean {
  const memo =
    known ??
    memoFor(factsOf(pod), src.set.spec, () => ({
      identityOk: identityMatches(src.set, pod) && storageMatches(src.set, pod),
      claimNames: claimNamesFor(src.set, ordinalOf(pod)),
    }));
  const claims = memo.claimNames.map((n) => src.store.get('PersistentVolumeClaim', ns(src.set), n));
  // Same claim objects as last time (and the same set spec): same answer.
  if (memo.claims && memo.claimsOk !== undefined && claims.every((c, i) => c === memo.claims![i])) return memo.claimsOk;
  memo.claims = claims;
  memo.claimsOk = claims.every((c) => !c || claimOwnersUpToDate(c as PersistentVolumeClaim, src.set, pod));
  return memo.claimsOk;
}

function podEvent(set: Set, verb: 'create' | 'update' | 'delete', pod: string) {
  const reason = verb === 'create' ? 'SuccessfulCreate' : verb === 'update' ? 'SuccessfulUpdate' : 'SuccessfulDelete';
  return { eventType: 'Normal' as const, reason, involved: refOf(set), message: `${verb} Pod ${pod} in StatefulSet ${set.metadata.name} successful` };
}

/** The writes one plan step makes. */
export function stepActions(src: PodSource, step: Step): Action[] {
  const { set } = src;
  switch (step.op) {
    case 'create': {
      const pod = newStatefulPod(set, src.templateOf(step.revision), step.ordinal, step.revision);
      return [...missingClaims(src, step.ordinal), { type: 'create', object: pod, event: podEvent(set, 'create', pod.metadata.name!) }];
    }
    case 'delete': {
      const name = step.pod.metadata!.name!;
      return [{ type: 'delete', kind: 'Pod', namespace: ns(set), name, event: podEvent(set, 'delete', name) }];
    }
    case 'ensureClaims':
      return missingClaims(src, ordinalOf(step.pod), step.pod);
    case 'repair':
      return [
        ...missingClaims(src, ordinalOf(step.pod), step.pod),
        repairPod(set, step.pod as Stored<Pod & KubeObject>),
        { type: 'event', ...podEvent(set, 'update', step.pod.metadata!.name!) },
      ];
    case 'fixClaimOwners':
      return claimsOf(src, step.pod).flatMap((c): Action[] =>
        claimOwnersUpToDate(c, set, step.pod)
          ? []
          : [{ type: 'update', object: { ...c, metadata: { ...c.metadata, ownerReferences: claimOwnerRefs(c, set, step.pod) } } }],
      );
  }
}

/** updateIdentity + updateStorage on an existing pod (UpdateStatefulPod). */
function repairPod(set: Set, pod: Stored<Pod & KubeObject>): Action {
  const ordinal = ordinalOf(pod);
  const labels = { ...(pod.metadata.labels ?? {}), ...identityLabels(set.metadata.name, ordinal) };
  const volumes = volumesWithClaims(set, ordinal, pod.spec?.volumes);
  const spec = { ...pod.spec, ...(volumes.length ? { volumes } : {}) };
  return { type: 'update', object: { ...pod, metadata: { ...pod.metadata, labels }, spec } as KubeObject };
}
