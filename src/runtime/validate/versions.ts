// apiVersion/kind checks: unknown kinds (did-you-mean), wrong group/version, removed versions.
import { closest } from '../../util/suggest.js';
import { ownEntry } from '../../util/own.js';
import { quote } from '../yaml/sanitize.js';
import type { Reporter } from './report.js';
import { kindInfo, knownKinds } from './schema.js';

/** Versions that once served a kind and were removed (Kubernetes deprecated API migration guide). */
const REMOVED: Record<string, { kinds: string[]; removedIn: string }> = {
  'extensions/v1beta1': { kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], removedIn: '1.16' },
  'apps/v1beta1': { kinds: ['Deployment', 'StatefulSet'], removedIn: '1.16' },
  'apps/v1beta2': { kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], removedIn: '1.16' },
  'batch/v1beta1': { kinds: ['CronJob'], removedIn: '1.25' },
  'batch/v2alpha1': { kinds: ['CronJob'], removedIn: '1.21' },
};

/** Real Kubernetes kinds the simulated cluster does not run. */
const OTHER_KINDS = ['Ingress', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'PersistentVolume', 'Node', 'Endpoints', 'EndpointSlice', 'ReplicationController', 'LimitRange', 'ResourceQuota', 'CustomResourceDefinition'];

/** Returns the kind's root type when apiVersion and kind are usable, otherwise reports why. */
export function checkKindAndVersion(apiVersion: unknown, kind: unknown, r: Reporter): string | undefined {
  if (typeof kind !== 'string' || kind === '') {
    r.error('kind-missing', typeof kind === 'string' ? ['kind'] : [], 'the object has no kind', 'Add "kind: Deployment" (or Pod, Job, …) at the top level.');
    return undefined;
  }
  const info = kindInfo(kind);
  if (!info) {
    const exact = knownKinds().find((k) => k.toLowerCase() === kind.toLowerCase());
    const guess = exact ?? closest(kind, knownKinds());
    if (OTHER_KINDS.includes(kind)) {
      r.error('kind-unsupported', ['kind'], `kind ${quote(kind)} is not run by this course's simulated cluster`, `Supported kinds: ${knownKinds().join(', ')}, List.`, 'value');
    } else {
      r.error('kind-unknown', ['kind'], `unknown kind ${quote(kind)}`, guess ? `Did you mean "${guess}"?${exact ? ' Kinds are case-sensitive.' : ''}` : `Supported kinds: ${knownKinds().join(', ')}, List.`, 'value');
    }
    return undefined;
  }
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    r.error('apiversion-missing', typeof apiVersion === 'string' ? ['apiVersion'] : [], 'the object has no apiVersion', `Add "apiVersion: ${info.apiVersion}" for a ${kind}.`);
    return undefined;
  }
  if (apiVersion !== info.apiVersion) {
    const removed = ownEntry(REMOVED, apiVersion);
    if (removed?.kinds.includes(kind)) {
      r.error('apiversion-removed', ['apiVersion'], `${apiVersion} ${kind} was removed in Kubernetes ${removed.removedIn}`, `Use "apiVersion: ${info.apiVersion}".${apiVersion.startsWith('batch') ? '' : ' apps/v1 also requires spec.selector.'}`, 'value');
    } else {
      r.error('apiversion-wrong', ['apiVersion'], `${kind} is served by ${info.apiVersion}, not ${quote(apiVersion)}`, `Write "apiVersion: ${info.apiVersion}".`, 'value');
    }
    return undefined;
  }
  return info.type;
}
