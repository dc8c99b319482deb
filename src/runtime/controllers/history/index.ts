// ControllerRevisions: the template snapshots StatefulSets and DaemonSets roll between
// (kubernetes pkg/controller/history/controller_history.go; daemon/update.go constructHistory/snapshot).
import type { ControllerRevision } from 'kubernetes-types/apps/v1.js';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { KubeObject, OwnerReference } from '../../api/types.js';
import { newControllerRef } from '../../api/types.js';
import { canonicalJson, computeHash } from '../../api/names.js';

/** The parts of a ControllerRevision the helpers read. */
export type RevLike = Pick<ControllerRevision, 'metadata' | 'data' | 'revision'>;

/** Label on a ControllerRevision with the hash of its data (history.ControllerRevisionHashLabel). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

/** What a revision stores: a patch that restores the pod template (getPatch: {"spec":{"template":{...,"$patch":"replace"}}}). */
export interface RevisionData {
  spec: { template: PodTemplateSpec & { $patch: 'replace' } };
}

// Syncs rebuild the candidate revision from the same (immutable) template object again and again:
// remember its data, canonical form and hashes by object identity.
const dataByTemplate = new WeakMap<object, RevisionData>();
const canonicalByData = new WeakMap<object, string>();
const hashByValue = new WeakMap<object, Map<number, string>>();

export function revisionData(template: PodTemplateSpec | undefined): RevisionData {
  const cached = template && dataByTemplate.get(template);
  if (cached) return cached;
  const data: RevisionData = { spec: { template: { ...structuredClone(template ?? {}), $patch: 'replace' } } };
  if (template) dataByTemplate.set(template, data);
  return data;
}

function canonicalOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return canonicalJson(value);
  let c = canonicalByData.get(value);
  if (c === undefined) canonicalByData.set(value, (c = canonicalJson(value)));
  return c;
}

function hashOfValue(value: object, collisionCount: number | undefined): string {
  let byCount = hashByValue.get(value);
  if (!byCount) hashByValue.set(value, (byCount = new Map()));
  const key = collisionCount ?? -1;
  let h = byCount.get(key);
  if (h === undefined) byCount.set(key, (h = computeHash(value, collisionCount)));
  return h;
}

/** The template a revision restores. */
export function templateOf(rev: RevLike): PodTemplateSpec {
  const t = (rev.data as RevisionData | undefined)?.spec?.template;
  if (!t) return {};
  const { $patch: _patch, ...template } = t;
  return template;
}

/** `<prefix>-<hash>`, the prefix cut to 223 characters (ControllerRevisionName). */
export function revisionName(prefix: string, hash: string): string {
  return `${prefix.slice(0, 223)}-${hash}`;
}

/** Same stored template (history.EqualRevision / daemon Match). */
export function equalRevision(a: RevLike, b: RevLike): boolean {
  return canonicalOf(a.data) === canonicalOf(b.data);
}

/** Ascending by revision number, then name (history.SortControllerRevisions). */
export function sortRevisions<T extends RevLike>(revs: readonly T[]): T[] {
  return [...revs].sort((a, b) => a.revision - b.revision || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

/** 1 + the highest revision number (nextRevision). */
export function nextRevision(revs: readonly RevLike[]): number {
  return revs.reduce((m, r) => Math.max(m, r.revision), 0) + 1;
}

/** A ControllerRevision ready to be created. */
export type RevObject = KubeObject & { data: RevisionData; revision: number };

type Owner = { apiVersion: string; kind: string; metadata: KubeObject['metadata'] };

/**
 * A new ControllerRevision for `owner` holding `template`. StatefulSets hash the revision data
 * (HashControllerRevision); DaemonSets hash the template itself (controller.ComputeHash), so
 * `hashOf` says which. Returns the hash too: DaemonSet pods carry the bare hash as their label.
 */
export function newRevision(
  owner: Owner,
  template: PodTemplateSpec | undefined,
  revision: number,
  collisionCount: number | undefined,
  hashOf: 'data' | 'template',
): { revision: RevObject; hash: string } {
  const data = revisionData(template);
  const hash = hashOfValue(hashOf === 'data' ? data : (template ?? {}), collisionCount);
  const ref: OwnerReference = newControllerRef(owner);
  const labels = { ...(template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash };
  const rev: RevObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionName(owner.metadata.name ?? '', hash),
      namespace: owner.metadata.namespace,
      labels,
      ...(owner.metadata.annotations ? { annotations: { ...owner.metadata.annotations } } : {}),
      ownerReferences: [ref],
    },
    data,
    revision,
  };
  return { revision: rev, hash };
}

/**
 * Revisions to delete so at most `limit` non-live ones remain, oldest first (truncateHistory /
 * cleanupHistory). `live` names revisions still in use (current, update, any pod's).
 */
export function revisionsToPrune<T extends RevLike>(revs: readonly T[], live: ReadonlySet<string>, limit: number): T[] {
  const history = sortRevisions(revs).filter((r) => !live.has(r.metadata?.name ?? ''));
  return history.slice(0, Math.max(0, history.length - limit));
}
