// A StatefulSet pod's stable identity: its ordinal, name, hostname/subdomain, labels and claims.
// Mirrors kubernetes pkg/controller/statefulset/stateful_set_utils.go.
import type { PersistentVolumeClaim, PodSpec, Volume } from 'kubernetes-types/core/v1.js';
import type { PodLike, SetLike } from './shapes.js';

/** Label carrying the pod's own name, so a Service can select one member (apps.StatefulSetPodNameLabel). */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** Label carrying the ordinal (apps.PodIndexLabel, on by default since Kubernetes 1.28). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** Label naming the ControllerRevision a pod was made from (apps.ControllerRevisionHashLabelKey). */
export const REVISION_LABEL = 'controller-revision-hash';

// "(.*)-([0-9]+)$" as upstream: the parent is everything before the last dash-number.
const STATEFUL_POD_NAME = /^(.*)-([0-9]+)$/;

/** The parent set name and ordinal encoded in a pod name; ordinal -1 when the name has none. */
export function parentAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = STATEFUL_POD_NAME.exec(podName);
  if (!m) return { parent: '', ordinal: -1 };
  const ordinal = Number(m[2]);
  // Upstream parses into an int32; anything larger is "no ordinal".
  return { parent: m[1]!, ordinal: ordinal <= 0x7fffffff ? ordinal : -1 };
}

export function ordinalOf(pod: PodLike): number {
  return parentAndOrdinal(pod.metadata?.name ?? '').ordinal;
}

export function podName(setName: string, ordinal: number): string {
  return `${setName}-${ordinal}`;
}

/** `<template>-<set>-<ordinal>`: the claim a pod of this ordinal mounts, kept across pod restarts. */
export function claimName(templateName: string, setName: string, ordinal: number): string {
  return `${templateName}-${setName}-${ordinal}`;
}

/** First ordinal (spec.ordinals.start, default 0). */
export function startOrdinal(set: SetLike): number {
  return set.spec?.ordinals?.start ?? 0;
}

export function replicasOf(set: SetLike): number {
  return set.spec?.replicas ?? 1;
}

/** Last ordinal, inclusive. */
export function endOrdinal(set: SetLike): number {
  return startOrdinal(set) + replicasOf(set) - 1;
}

export function inOrdinalRange(ordinal: number, set: SetLike): boolean {
  return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set);
}

export function isMemberOf(set: SetLike, pod: PodLike): boolean {
  return parentAndOrdinal(pod.metadata?.name ?? '').parent === set.metadata?.name;
}

/** The pod has the name, namespace and pod-name label of a member of the set (upstream identityMatches). */
export function identityMatches(set: SetLike, pod: PodLike): boolean {
  const name = pod.metadata?.name ?? '';
  const { parent, ordinal } = parentAndOrdinal(name);
  return (
    ordinal >= 0 &&
    parent === set.metadata?.name &&
    pod.metadata?.namespace === set.metadata?.namespace &&
    pod.metadata?.labels?.[POD_NAME_LABEL] === name
  );
}

/** Every claim template is mounted under its own name from this ordinal's claim (upstream storageMatches). */
export function storageMatches(set: SetLike, pod: PodLike): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const byName = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  return (set.spec?.volumeClaimTemplates ?? []).every((t) => {
    const v = byName.get(t.metadata?.name ?? '');
    return v?.persistentVolumeClaim?.claimName === claimName(t.metadata?.name ?? '', set.metadata?.name ?? '', ordinal);
  });
}

/** The claims a pod of `ordinal` needs, named and labelled as the controller creates them. */
export function claimsFor(set: SetLike, ordinal: number): PersistentVolumeClaim[] {
  const setName = set.metadata?.name ?? '';
  const selectorLabels = set.spec?.selector?.matchLabels ?? {};
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: claimName(t.metadata?.name ?? '', setName, ordinal),
      namespace: set.metadata?.namespace,
      // The set's selector labels are added to the template's own (getPersistentVolumeClaims).
      labels: { ...(t.metadata?.labels ?? {}), ...selectorLabels },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
    },
    spec: structuredClone(t.spec ?? {}),
  }));
}

/** Pod volumes with one volume per claim template (replacing any same-named volume), then the rest. */
export function volumesWithClaims(set: SetLike, ordinal: number, volumes: readonly Volume[] = []): Volume[] {
  const setName = set.metadata?.name ?? '';
  const templates = set.spec?.volumeClaimTemplates ?? [];
  const claimVolumes: Volume[] = templates.map((t) => ({
    name: t.metadata?.name ?? '',
    persistentVolumeClaim: { claimName: claimName(t.metadata?.name ?? '', setName, ordinal) },
  }));
  const taken = new Set(claimVolumes.map((v) => v.name));
  return [...claimVolumes, ...volumes.filter((v) => !taken.has(v.name))];
}

/** Identity labels a member pod carries (updateIdentity). */
export function identityLabels(setName: string, ordinal: number): Record<string, string> {
  return { [POD_NAME_LABEL]: podName(setName, ordinal), [POD_INDEX_LABEL]: String(ordinal) };
}

/** hostname = pod name and subdomain = serviceName, set only when the pod is created (initIdentity). */
export function withNetworkIdentity(spec: PodSpec, set: SetLike, ordinal: number): PodSpec {
  const out: PodSpec = { ...spec, hostname: podName(set.metadata?.name ?? '', ordinal) };
  if (set.spec?.serviceName) out.subdomain = set.spec.serviceName;
  return out;
}
