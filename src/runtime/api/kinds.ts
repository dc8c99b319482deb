import type { Kind } from './types.js';
import { KINDS } from './types.js';

/** apiVersion each kind is served at. */
export const API_VERSION: Record<Kind, string> = {
  Node: 'v1',
  Pod: 'v1',
  PersistentVolumeClaim: 'v1',
  PersistentVolume: 'v1',
  Service: 'v1',
  Event: 'v1',
  ReplicaSet: 'apps/v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ControllerRevision: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['Node', 'PersistentVolume']);

export function isKind(kind: string): kind is Kind {
  return (KINDS as readonly string[]).includes(kind);
}

export function isNamespaced(kind: string): boolean {
  return !CLUSTER_SCOPED.has(kind);
}
