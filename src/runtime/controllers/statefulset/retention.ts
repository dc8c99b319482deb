// persistentVolumeClaimRetentionPolicy through owner references on the claims, so the garbage collector
// deletes them (stateful_set_utils.go isClaimOwnerUpToDate / updateClaimOwnerRefForSetAndPod):
//   Retain/Retain: no owner reference (claims outlive everything)
//   whenDeleted Delete: the set owns the claim            -> deleting the set deletes it
//   whenScaled Delete: a scaled-down pod owns its claim  -> deleting that pod deletes it
import type { ClaimLike, PodLike, SetLike } from './shapes.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import { inOrdinalRange, ordinalOf } from './identity.js';

export interface RetentionPolicy {
  whenDeleted: 'Retain' | 'Delete';
  whenScaled: 'Retain' | 'Delete';
}

export function retentionPolicy(set: SetLike): RetentionPolicy {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy;
  return {
    whenDeleted: p?.whenDeleted === 'Delete' ? 'Delete' : 'Retain',
    whenScaled: p?.whenScaled === 'Delete' ? 'Delete' : 'Retain',
  };
}

type Owner = { apiVersion?: string; kind?: string; metadata?: { name?: string; uid?: string } };

function controllerRefTo(owner: Owner, apiVersion: string, kind: string): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

function refersTo(ref: OwnerReference, kind: string, name: string | undefined): boolean {
  return ref.kind === kind && ref.name === name;
}

/** Which of set and pod should own the claim of `pod` under the set's policy. */
export function wantedOwners(set: SetLike, ordinal: number): { set: boolean; pod: boolean } {
  const policy = retentionPolicy(set);
  const scaledDown = !inOrdinalRange(ordinal, set);
  return {
    set: policy.whenDeleted === 'Delete' && !(policy.whenScaled === 'Delete' && scaledDown),
    pod: policy.whenScaled === 'Delete' && scaledDown,
  };
}

/** The claim's owner references as the policy wants them: refs to set/pod scrubbed, then the wanted ones added. */
export function claimOwnerRefs(claim: ClaimLike, set: SetLike, pod: PodLike | undefined): OwnerReference[] {
  const ordinal = pod ? ordinalOf(pod) : -1;
  const kept = (claim.metadata?.ownerReferences ?? []).filter(
    (r) => !refersTo(r, 'StatefulSet', set.metadata?.name) && !(pod && refersTo(r, 'Pod', pod.metadata?.name)),
  );
  const want = wantedOwners(set, ordinal);
  if (want.set) kept.push(controllerRefTo(set, 'apps/v1', 'StatefulSet'));
  if (want.pod && pod?.metadata?.uid) kept.push(controllerRefTo(pod, 'v1', 'Pod'));
  return kept;
}

function sameRefs(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  const key = (r: OwnerReference) => `${r.kind}/${r.name}/${r.uid}/${r.controller === true}`;
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

export function claimOwnersUpToDate(claim: ClaimLike, set: SetLike, pod: PodLike): boolean {
  const policy = retentionPolicy(set);
  if (policy.whenDeleted === 'Retain' && policy.whenScaled === 'Retain') {
    // The common case, checked on every sync: nothing of ours may own the claim.
    return !(claim.metadata?.ownerReferences ?? []).some(
      (r) => refersTo(r, 'StatefulSet', set.metadata?.name) || refersTo(r, 'Pod', pod.metadata?.name),
    );
  }
  return sameRefs(claim.metadata?.ownerReferences ?? [], claimOwnerRefs(claim, set, pod));
}

/**
 * A claim left over from a pod of this ordinal that is gone, still owned by that pod and so about to be
 * garbage-collected (PodClaimIsStale): the controller waits rather than reuse it.
 */
export function claimIsStale(claim: ClaimLike | undefined, podUid: string | undefined): boolean {
  if (!claim) return false;
  if (claim.metadata?.deletionTimestamp) return true;
  return (claim.metadata?.ownerReferences ?? []).some((r) => r.kind === 'Pod' && r.uid !== podUid);
}
