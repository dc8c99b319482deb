// The API server's defaulting (pkg/apis/*/v1/defaults.go) and create-time preparation (registry strategies,
// admission plugins) for the kinds we serve. Inputs are never mutated: defaults apply to a copy.
import type { KubeObject } from './types.js';
import { cpuMillis, bytes } from './quantity.js';
import { clonePlain } from './equal.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- defaulting walks loosely typed manifests
type Obj = Record<string, any>;
type Defaulter = (obj: Obj) => void;

function setIfUnset(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

function defaultProbe(probe: Obj | undefined): void {
  if (!probe) return;
  setIfUnset(probe, 'timeoutSeconds', 1);
  setIfUnset(probe, 'periodSeconds', 10);
  setIfUnset(probe, 'successThreshold', 1);
  setIfUnset(probe, 'failureThreshold', 3);
}

/** imagePullPolicy: Always for `:latest` or an untagged image, IfNotPresent otherwise (core/v1 defaults.go). */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return last.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Obj): void {
  setIfUnset(c, 'imagePullPolicy', defaultPullPolicy(c.image));
  setIfUnset(c, 'terminationMessagePath', '/dev/termination-log');
  setIfUnset(c, 'terminationMessagePolicy', 'File');
  setIfUnset(c, 'resources', {});
  for (const p of c.ports ?? []) setIfUnset(p, 'protocol', 'TCP');
  defaultProbe(c.readinessProbe);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.startupProbe);
  // Limits without requests: requests default to the limits (core/v1 defaults.go SetDefaults_ResourceList).
  const r = c.resources;
  if (r.limits) {
    r.requests = { ...r.limits, ...(r.requests ?? {}) };
  }
}

/** Defaults of a pod spec (also applied to every pod template). */
export function defaultPodSpec(spec: Obj | undefined): void {
  if (!spec) return;
  setIfUnset(spec, 'restartPolicy', 'Always');
  setIfUnset(spec, 'dnsPolicy', 'ClusterFirst');
  setIfUnset(spec, 'terminationGracePeriodSeconds', 30);
  setIfUnset(spec, 'schedulerName', 'default-scheduler');
  setIfUnset(spec, 'securityContext', {});
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
}

function defaultTemplate(template: Obj | undefined): void {
  if (!template) return;
  setIfUnset(template, 'metadata', {});
  defaultPodSpec(template.spec);
}

/** QoS class as the API server computes it at create (pkg/apis/core/helper/qos). */
export function qosClass(spec: Obj | undefined): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: Obj[] = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const res of ['cpu', 'memory']) {
      const l = lim[res];
      const r = req[res] ?? l;
      if (l === undefined) guaranteed = false;
      else if (res === 'cpu' ? cpuMillis(r) !== cpuMillis(l) : bytes(r) !== bytes(l)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

const defaulters: Record<string, Defaulter> = {
  Pod(o) {
    setIfUnset(o, 'spec', {});
    defaultPodSpec(o.spec);
    setIfUnset(o.spec, 'serviceAccountName', 'default');
    setIfUnset(o.spec, 'priority', 0);
    setIfUnset(o.spec, 'enableServiceLinks', true);
    // Admission plugin DefaultTolerationSeconds: tolerate not-ready/unreachable nodes for 300 s.
    const tol: Obj[] = (o.spec.tolerations = [...(o.spec.tolerations ?? [])]);
    for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
      if (!tol.some((t) => t.key === key && (t.effect === 'NoExecute' || !t.effect))) {
        tol.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
      }
    }
    setIfUnset(o, 'status', {});
    setIfUnset(o.status, 'phase', 'Pending');
    setIfUnset(o.status, 'qosClass', qosClass(o.spec));
  },
  ReplicaSet(o) {
    setIfUnset(o, 'spec', {});
    setIfUnset(o.spec, 'replicas', 1);
    defaultTemplate(o.spec.template);
  },
  Deployment(o) {
    setIfUnset(o, 'spec', {});
    const s = o.spec;
    setIfUnset(s, 'replicas', 1);
    setIfUnset(s, 'strategy', {});
    setIfUnset(s.strategy, 'type', 'RollingUpdate');
    if (s.strategy.type === 'RollingUpdate') {
      setIfUnset(s.strategy, 'rollingUpdate', {});
      setIfUnset(s.strategy.rollingUpdate, 'maxUnavailable', '25%');
      setIfUnset(s.strategy.rollingUpdate, 'maxSurge', '25%');
    }
    setIfUnset(s, 'revisionHistoryLimit', 10);
    setIfUnset(s, 'progressDeadlineSeconds', 600);
    defaultTemplate(s.template);
  },
  StatefulSet(o) {
    setIfUnset(o, 'spec', {});
    const s = o.spec;
    setIfUnset(s, 'replicas', 1);
    setIfUnset(s, 'podManagementPolicy', 'OrderedReady');
    setIfUnset(s, 'updateStrategy', {});
    setIfUnset(s.updateStrategy, 'type', 'RollingUpdate');
    if (s.updateStrategy.type === 'RollingUpdate') {
      setIfUnset(s.updateStrategy, 'rollingUpdate', {});
      setIfUnset(s.updateStrategy.rollingUpdate, 'partition', 0);
    }
    setIfUnset(s, 'revisionHistoryLimit', 10);
    setIfUnset(s, 'persistentVolumeClaimRetentionPolicy', {});
    setIfUnset(s.persistentVolumeClaimRetentionPolicy, 'whenDeleted', 'Retain');
    setIfUnset(s.persistentVolumeClaimRetentionPolicy, 'whenScaled', 'Retain');
    for (const pvc of s.volumeClaimTemplates ?? []) {
      setIfUnset(pvc, 'apiVersion', 'v1');
      setIfUnset(pvc, 'kind', 'PersistentVolumeClaim');
      setIfUnset(pvc, 'spec', {});
      setIfUnset(pvc.spec, 'volumeMode', 'Filesystem');
    }
    defaultTemplate(s.template);
  },
  DaemonSet(o) {
    setIfUnset(o, 'spec', {});
    const s = o.spec;
    setIfUnset(s, 'updateStrategy', {});
    setIfUnset(s.updateStrategy, 'type', 'RollingUpdate');
    if (s.updateStrategy.type === 'RollingUpdate') {
      setIfUnset(s.updateStrategy, 'rollingUpdate', {});
      setIfUnset(s.updateStrategy.rollingUpdate, 'maxUnavailable', 1);
      setIfUnset(s.updateStrategy.rollingUpdate, 'maxSurge', 0);
    }
    setIfUnset(s, 'revisionHistoryLimit', 10);
    defaultTemplate(s.template);
  },
  Job(o) {
    setIfUnset(o, 'spec', {});
    const s = o.spec;
    // batch/v1 defaults.go: both unset → 1 and 1; parallelism alone → a work queue (completions stays unset).
    if (s.completions == null && s.parallelism == null) {
      s.completions = 1;
      s.parallelism = 1;
    }
    setIfUnset(s, 'parallelism', 1);
    setIfUnset(s, 'backoffLimit', s.backoffLimitPerIndex != null ? 2147483647 : 6);
    setIfUnset(s, 'completionMode', 'NonIndexed');
    setIfUnset(s, 'suspend', false);
    setIfUnset(s, 'podReplacementPolicy', s.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
    setIfUnset(s, 'manualSelector', undefined);
    if (s.manualSelector === undefined) delete s.manualSelector;
    defaultTemplate(s.template);
    copyTemplateLabels(o);
  },
  CronJob(o) {
    setIfUnset(o, 'spec', {});
    const s = o.spec;
    setIfUnset(s, 'concurrencyPolicy', 'Allow');
    setIfUnset(s, 'suspend', false);
    setIfUnset(s, 'successfulJobsHistoryLimit', 3);
    setIfUnset(s, 'failedJobsHistoryLimit', 1);
    setIfUnset(s, 'jobTemplate', {});
    setIfUnset(s.jobTemplate, 'spec', {});
    defaultTemplate(s.jobTemplate.spec.template);
  },
  Service(o) {
    setIfUnset(o, 'spec', {});
    const s = o.spec;
    setIfUnset(s, 'type', 'ClusterIP');
    setIfUnset(s, 'sessionAffinity', 'None');
    setIfUnset(s, 'internalTrafficPolicy', 'Cluster');
    for (const p of s.ports ?? []) {
      setIfUnset(p, 'protocol', 'TCP');
      setIfUnset(p, 'targetPort', p.port);
    }
  },
  PersistentVolumeClaim(o) {
    setIfUnset(o, 'spec', {});
    setIfUnset(o.spec, 'volumeMode', 'Filesystem');
    // Admission plugin DefaultStorageClass: the cluster's default class is `standard`.
    setIfUnset(o.spec, 'storageClassName', 'standard');
    setIfUnset(o, 'status', {});
    setIfUnset(o.status, 'phase', 'Pending');
  },
  PersistentVolume(o) {
    setIfUnset(o, 'spec', {});
    setIfUnset(o.spec, 'persistentVolumeReclaimPolicy', 'Retain');
    setIfUnset(o.spec, 'volumeMode', 'Filesystem');
    setIfUnset(o, 'status', {});
    setIfUnset(o.status, 'phase', 'Pending');
  },
  Node(o) {
    setIfUnset(o, 'spec', {});
  },
};

/**
 * A Job without labels of its own takes its pod template's labels (pkg/apis/batch/v1/defaults.go
 * SetDefaults_Job). Defaulting also runs whenever the object is read back, so a Job created with no labels
 * at all shows the generated job-name/controller-uid labels.
 */
function copyTemplateLabels(job: Obj): void {
  const labels = job.spec?.template?.metadata?.labels;
  if (!labels || Object.keys(job.metadata?.labels ?? {}).length) return;
  setIfUnset(job, 'metadata', {});
  job.metadata.labels = { ...labels };
}

/**
 * Registers (or extends) the defaulter of a kind. Kinds whose controllers live elsewhere may add their
 * defaults here; they run after the built-in ones.
 */
export function registerDefaults(kind: string, fn: Defaulter): void {
  const prev = defaulters[kind];
  defaulters[kind] = prev
    ? (o) => {
        prev(o);
        fn(o);
      }
    : fn;
}

/** A defaulted deep copy of `obj` (the input is left untouched). */
export function applyDefaults<T extends KubeObject>(obj: T): T {
  if (obj.kind === 'Pod' && obj.spec && sharedParts.has(obj.spec) && defaulters.Pod === builtInPodDefaulter) return defaultPodOfTemplate(obj);
  const copy = clonePlain(obj);
  defaulters[copy.kind]?.(copy as Obj);
  return copy;
}

/**
 * Parts of pods taken from a stored object's template: the template's spec, and the labels and owner
 * references a controller gives every pod it makes from it. Stored objects are immutable, so these are
 * shared by every pod made from the template (a 10,000-replica ReplicaSet keeps one spec, one labels map
 * and one ownerReferences list, not 10,000 copies — less memory, and scans of its pods stay in cache).
 * The defaulted form of a shared spec is computed once. The Pod defaulter reads and writes only `spec`
 * and `status`.
 */
const sharedParts = new WeakSet<object>();
const defaultedSpecs = new WeakMap<object, { spec: Obj; qosClass: string }>();
/** Sharing is valid only while no extension (registerDefaults) reads the rest of the pod. */
const builtInPodDefaulter = defaulters.Pod;

/** Marks `part` (of a pod made from a stored template) as immutable, so pods made from it share it. */
export function markShared(part: object): void {
  sharedParts.add(part);
}

/** clonePlain, except that shared parts are kept as they are. */
function cloneKeepingShared(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || sharedParts.has(v)) return v;
  if (Array.isArray(v)) return v.map(cloneKeepingShared);
  const out: Obj = {};
  for (const k in v as Obj) out[k] = cloneKeepingShared((v as Obj)[k]);
  return out;
}

function defaultPodOfTemplate<T extends KubeObject>(obj: T): T {
  let shared = defaultedSpecs.get(obj.spec);
  if (!shared) {
    const probe: Obj = { kind: 'Pod', spec: clonePlain(obj.spec) };
    defaulters.Pod!(probe);
    shared = { spec: probe.spec, qosClass: probe.status.qosClass };
    defaultedSpecs.set(obj.spec, shared);
  }
  // Same keys in the same order as the full copy: spec keeps its place, status comes last.
  const copy = cloneKeepingShared({ ...obj, spec: undefined }) as Obj;
  copy.spec = shared.spec;
  setIfUnset(copy, 'status', {});
  setIfUnset(copy.status, 'phase', 'Pending');
  setIfUnset(copy.status, 'qosClass', shared.qosClass);
  return copy as T;
}

function addFinalizer(obj: KubeObject, f: string): void {
  const list = obj.metadata.finalizers ?? [];
  if (!list.includes(f)) obj.metadata.finalizers = [...list, f];
}

/**
 * Create-time preparation that needs the object's uid and name (registry strategies' PrepareForCreate):
 * a Job without manualSelector gets generated labels and selector (pkg/registry/batch/job/strategy.go).
 * Mutates `obj`, which must be a fresh copy.
 */
export function prepareForCreate(obj: KubeObject): void {
  // Admission plugin StorageObjectInUseProtection (plugin/pkg/admission/storage/storageobjectinuseprotection).
  if (obj.kind === 'PersistentVolumeClaim') addFinalizer(obj, 'kubernetes.io/pvc-protection');
  if (obj.kind === 'PersistentVolume') addFinalizer(obj, 'kubernetes.io/pv-protection');
  if (obj.kind === 'Job' && obj.spec && obj.spec.manualSelector !== true) {
    const uid = obj.metadata.uid ?? '';
    const name = obj.metadata.name ?? '';
    const generated = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': name,
      'controller-uid': uid,
      'job-name': name,
    };
    obj.spec.template = obj.spec.template ?? {};
    obj.spec.template.metadata = obj.spec.template.metadata ?? {};
    obj.spec.template.metadata.labels = { ...(obj.spec.template.metadata.labels ?? {}), ...generated };
    obj.spec.selector = obj.spec.selector ?? { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
    copyTemplateLabels(obj);
  }
}
