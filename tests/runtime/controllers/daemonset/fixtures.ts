import type { Node, Pod, Taint } from 'kubernetes-types/core/v1.js';
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';

export const T0 = Date.parse('2030-01-01T00:00:00Z');

export function node(name: string, labels: Record<string, string> = {}, taints: Taint[] = []): Node {
  return { metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints } };
}

export function ds(spec: Partial<NonNullable<DaemonSet['spec']>> = {}, podSpec: Record<string, unknown> = {}): DaemonSet {
  return {
    metadata: { name: 'agent', namespace: 'default', generation: 1 },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'agent:1' }], ...podSpec } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      ...spec,
    },
  };
}

let seq = 0;
export function dpod(nodeName: string, hash = 'h1', state: 'Ready' | 'Running' | 'Failed' | 'Succeeded' | 'Terminating' = 'Ready', created = T0): Pod {
  seq++;
  return {
    metadata: {
      name: `agent-${nodeName}-${seq}`,
      namespace: 'default',
      labels: { app: 'agent', 'controller-revision-hash': hash },
      creationTimestamp: new Date(created).toISOString(),
      ...(state === 'Terminating' ? { deletionTimestamp: new Date(created).toISOString() } : {}),
    },
    spec: { nodeName, containers: [{ name: 'c', image: 'agent:1' }] },
    status: {
      phase: state === 'Ready' || state === 'Terminating' ? 'Running' : state,
      conditions: [{ type: 'Ready', status: state === 'Ready' || state === 'Terminating' ? 'True' : 'False', lastTransitionTime: new Date(created).toISOString() }],
    },
  };
}
