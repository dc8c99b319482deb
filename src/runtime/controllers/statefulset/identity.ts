// A StatefulSet pod's stable identity: its ordinal, name, hostname/subdomain, labels and claims.
// Mirrors kubernetes pkg/controller/statefulset/stateful_set_utils.go.
import type { PersistentVolumeClaim, PodSpec, Volume } from 'kubernetes-types/core/v1.js';
import type { PodLike, SetLike } from './shapes.js';
import { factsOf, parseName } from './facts.js';

/** Label carrying the pod's own name, so a Service can select one member (apps.StatefulSetPodNameLabel). */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** Label carrying the ordinal (apps.PodIndexLabel, on by default since Kubernetes 1.28). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** Label naming the ControllerRevision a pod was made from (apps.ControllerRevisionHashLabelKey). */
export const REVISION_LABEL = 'controller-revision-hash';

/** The parent set name and ordinal encoded in a pod name; ordinal -1 when the name has none. */
export function parentAndOrdinal(podName: string): { parent: string; ordinal: number } {
  return parseName(podName);
}

export function ordinalOf(pod: PodLike): number {
  return factsOf(pod).ordinal;
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
  return factsOf(pod).parent === set.metadata?.name;
}

/** The pod has the name, namespace and pod-name label of a member of the set (upstream identityMatches). */
export function identityMatches(set: SetLike, pod: PodLike): boolean {
  const name = pod.metadata?.name ?? '';
  const { parent, ordinal } = factsOf(pod);
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
  const volumes = pod.spec?.volumes ?? [];
  return (set.spec?.volumeClaimTemplates ?? []).every((t) => {
    const name = t.metadata?.name ?? '';
    const v = volumes.find((x) => x.name === name);
    return v?.persistentVolumeClaim?.claimName === claimName(name, set.metadata?.name ?? '', ordinal);
  });
}

/** Names of the claims a pod of `ordinal` mounts, one per claim template. */
export function claimNamesFor(set: SetLike, ordinal: number): string[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => claimName(t.metadata?.name ?? '', set.metadata?.name ?? '', ordinal));
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
