/**
 * Does a check's field path exist on the kind it selects? `spec.*` and `metadata.*` are walked through
 * the validator's schema (generated from kubernetes-types); `status` is not in that schema, so its
 * top-level fields come from the upstream API types (k8s.io/api/{core,apps,batch}/v1/types.go).
 */
import { closest } from '../../util/suggest.js';
import { elementOf, kindInfo, objectType } from '../../runtime/validate/schema.js';
import { ownEntry } from '../../util/own.js';

/** Shorthands of the check vocabulary (src/course/checks/fields.ts). */
const SHORTHANDS = new Set(['phase', 'ready', 'available', 'terminating', 'node', 'image', 'ownerKind']);

const STATUS_FIELDS: Record<string, string[]> = {
  Pod: ['phase', 'conditions', 'message', 'reason', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'ephemeralContainerStatuses', 'qosClass', 'nominatedNodeName', 'resize', 'resourceClaimStatuses'],
  Deployment: ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'terminatingReplicas', 'conditions', 'collisionCount'],
  ReplicaSet: ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'terminatingReplicas', 'observedGeneration', 'conditions'],
  StatefulSet: ['observedGeneration', 'replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'currentRevision', 'updateRevision', 'collisionCount', 'conditions', 'availableReplicas'],
  DaemonSet: ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady', 'observedGeneration', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable', 'collisionCount', 'conditions'],
  Job: ['conditions', 'startTime', 'completionTime', 'active', 'succeeded', 'failed', 'terminating', 'completedIndexes', 'failedIndexes', 'uncountedTerminatedPods', 'ready'],
  CronJob: ['active', 'lastScheduleTime', 'lastSuccessfulTime'],
  PersistentVolumeClaim: ['phase', 'accessModes', 'capacity', 'conditions', 'allocatedResources', 'allocatedResourceStatuses', 'currentVolumeAttributesClassName', 'modifyVolumeStatus'],
  PersistentVolume: ['phase', 'message', 'reason', 'lastPhaseTransitionTime'],
  Node: ['capacity', 'allocatable', 'phase', 'conditions', 'addresses', 'daemonEndpoints', 'nodeInfo', 'images', 'volumesInUse', 'volumesAttached', 'config', 'runtimeHandlers'],
  Service: ['loadBalancer', 'conditions'],
};

/** Kinds the schema does not describe: their top-level fields (deeper paths are not checked). */
const OTHER_KINDS: Record<string, string[]> = {
  Node: ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  PersistentVolume: ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  ControllerRevision: ['apiVersion', 'kind', 'metadata', 'data', 'revision'],
};

/** Condition types the controllers set (upstream constants), for `conditions.<Type>`. */
const CONDITIONS: Record<string, string[]> = {
  Pod: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready', 'PodReadyToStartContainers', 'DisruptionTarget'],
  Deployment: ['Available', 'Progressing', 'ReplicaFailure'],
  ReplicaSet: ['ReplicaFailure'],
  Job: ['Complete', 'Failed', 'Suspended', 'FailureTarget', 'SuccessCriteriaMet'],
  Node: ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'],
  PersistentVolumeClaim: ['Resizing', 'FileSystemResizePending'],
};

export interface PathVerdict {
  severity: 'error' | 'warning';
  message: string;
}

/** Undefined when `path` can exist on `kind`; otherwise what is wrong with it. */
export function checkFieldPath(kind: string, path: string): PathVerdict | undefined {
  if (SHORTHANDS.has(path)) return undefined;
  if (path.startsWith('conditions.')) return checkCondition(kind, path.slice('conditions.'.length));
  const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  const [top, ...rest] = segments;
  if (top === undefined) return { severity: 'error', message: `'${path}' is not a field path` };
  if (top === 'status') return checkStatus(kind, rest[0]);
  if (Object.hasOwn(OTHER_KINDS, kind)) {
    const fields = OTHER_KINDS[kind]!;
    if (fields.includes(top)) return top === 'metadata' ? walk('ObjectMeta', rest, path, kind) : undefined;
    return unknown(kind, top, fields, path);
  }
  const info = kindInfo(kind);
  if (!info) return undefined;
  return walk(info.type, segments, path, kind);
}

function checkCondition(kind: string, type: string): PathVerdict | undefined {
  const known = ownEntry(CONDITIONS, kind);
  if (!known || known.includes(type)) return undefined;
  const near = closest(type, known);
  return { severity: 'warning', message: `a ${kind} has no condition '${type}' here` + (near ? ` (did you mean 'conditions.${near}'?)` : `; its conditions: ${known.join(', ')}`) };
}

function checkStatus(kind: string, field: string | undefined): PathVerdict | undefined {
  const known = ownEntry(STATUS_FIELDS, kind);
  if (!known || field === undefined || known.includes(field)) return undefined;
  const near = closest(field, known);
  return { severity: 'error', message: `a ${kind}'s status has no field '${field}'` + (near ? ` (did you mean 'status.${near}'?)` : `; its fields: ${known.join(', ')}`) };
}

/** Follows the schema; map keys and list indexes are free, `any` and scalars end the walk. */
function walk(rootType: string, segments: string[], path: string, kind: string): PathVerdict | undefined {
  let ref = rootType;
  let prev = '';
  for (const seg of segments) {
    const numeric = /^\d+$/.test(seg);
    if (ref.startsWith('[]')) {
      if (!numeric) return { severity: 'error', message: `'${prev}' is a list: name an item by index, e.g. '${prev}[0].${seg}' (in '${path}')` };
      ref = elementOf(ref)!;
      continue;
    }
    if (numeric) return { severity: 'error', message: `'${prev}' is not a list (in '${path}')` };
    const type = objectType(ref);
    if (!type) return ref === 'any' ? undefined : { severity: 'error', message: `'${prev}' is a ${ref} value with no fields (in '${path}')` };
    const field = ownEntry(type.f, seg);
    if (!field) return unknown(kind, seg, Object.keys(type.f), path);
    ref = field[0];
    prev = seg;
    if (ref.startsWith('{}')) return undefined;
  }
  return undefined;
}

function unknown(kind: string, seg: string, known: string[], path: string): PathVerdict {
  const near = closest(seg, known);
  return { severity: 'error', message: `a ${kind} has no field '${seg}' (in '${path}')` + (near ? `; did you mean '${near}'?` : '') };
}
