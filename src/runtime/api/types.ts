// Object shapes come from kubernetes-types (types only); the runtime adds what a stored object always has.
import type { ObjectMeta, OwnerReference, LabelSelector } from 'kubernetes-types/meta/v1.js';
import type {
  Pod,
  Node,
  PersistentVolumeClaim,
  PersistentVolume,
  Service,
  Event,
  PodTemplateSpec,
  Container,
} from 'kubernetes-types/core/v1.js';
import type { ReplicaSet, Deployment, StatefulSet, DaemonSet, ControllerRevision } from 'kubernetes-types/apps/v1.js';
import type { Job, CronJob } from 'kubernetes-types/batch/v1.js';

export type {
  ObjectMeta,
  OwnerReference,
  LabelSelector,
  Pod,
  Node,
  PersistentVolumeClaim,
  PersistentVolume,
  Service,
  Event,
  PodTemplateSpec,
  Container,
  ReplicaSet,
  Deployment,
  StatefulSet,
  DaemonSet,
  ControllerRevision,
  Job,
  CronJob,
};

/** The kinds the simulated API server serves. */
export const KINDS = [
  'Node',
  'Pod',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Service',
  'ControllerRevision',
  'Event',
] as const;
export type Kind = (typeof KINDS)[number];

/** Any Kubernetes object. `spec`/`status` are loosely typed here; narrow with the kind's own type. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own spec shape
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own status shape
  status?: any;
}

/** Metadata the store guarantees on every stored object. */
export interface StoredMeta extends ObjectMeta {
  name: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generation: number;
}

/** Anything shaped like a Kubernetes object (the kubernetes-types interfaces and KubeObject). */
export interface ObjectLike {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** The type of field K of T without undefined (string when T leaves it open). */
type FieldOf<T, K extends 'apiVersion' | 'kind'> = T extends { [P in K]?: infer A }
  ? [Exclude<A, undefined>] extends [never]
    ? string
    : Exclude<A, undefined>
  : string;

/**
 * A stored object: `T` (e.g. `Pod`) with apiVersion, kind and the metadata the store fills in
 * guaranteed. Treat as readonly.
 */
export type Stored<T extends ObjectLike = KubeObject> = Omit<T, 'metadata' | 'kind' | 'apiVersion'> & {
  apiVersion: FieldOf<T, 'apiVersion'>;
  kind: FieldOf<T, 'kind'>;
  metadata: StoredMeta;
};

/** A reference to an object, as events' involvedObject. */
export interface ObjRef {
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
}

export function refOf(obj: { kind: string; metadata: ObjectMeta }): ObjRef {
  const ref: ObjRef = { kind: obj.kind, name: obj.metadata.name ?? '' };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata.uid) ref.uid = obj.metadata.uid;
  return ref;
}

/** "namespace/name" (or "name" for cluster-scoped objects): the key work queues use, as upstream. */
export function keyOf(obj: { metadata: ObjectMeta }): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** The controlling owner reference (`controller: true`), if any. */
export function controllerRef(obj: { metadata: ObjectMeta }): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** An owner reference marking `owner` as the controller, as controllers set it (metav1.NewControllerRef). */
export function newControllerRef(owner: { apiVersion: string; kind: string; metadata: ObjectMeta }): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}
