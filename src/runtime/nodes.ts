// Nodes: building Node objects as a kubelet registers them, and the lifecycle when a node goes away —
// pods bound to a node that no longer exists are force-deleted (pkg/controller/podgc gcOrphaned), so
// their controllers replace them elsewhere.
import type { KubeObject, Stored } from './api/types.js';
import type { Store, WatchChange } from './store.js';
import type { Loop } from './loop.js';
import type { Taint } from 'kubernetes-types/core/v1.js';

export interface NodeSpec {
  name: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  capacity?: { cpu?: string; memory?: string; pods?: string };
  unschedulable?: boolean;
}

export const DEFAULT_CAPACITY = { cpu: '4', memory: '16Gi', pods: '110' };

/** The Node object a kubelet registers for `spec`; `index` numbers its address. */
export function nodeObject(spec: NodeSpec, index: number, now: string): KubeObject {
  const capacity = { ...DEFAULT_CAPACITY, ...(spec.capacity ?? {}) };
  const nodeSpec: Record<string, unknown> = {};
  if (spec.taints?.length) nodeSpec.taints = spec.taints.map((t) => ({ ...t }));
  if (spec.unschedulable) nodeSpec.unschedulable = true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        ...(spec.labels ?? {}),
      },
    },
    spec: nodeSpec,
    status: {
      capacity: { ...capacity },
      allocatable: { ...capacity },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
      ],
      addresses: [
        { type: 'InternalIP', address: `10.0.0.${(index % 250) + 2}` },
        { type: 'Hostname', address: spec.name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        operatingSystem: 'linux',
        kubeletVersion: 'v1.30.0',
        containerRuntimeVersion: 'containerd://1.7.0',
      },
    },
  };
}

export class NodeLifecycle {
  constructor(
    private readonly store: Store,
    private readonly loop: Loop,
  ) {
    store.watch((c) => this.onChange(c));
  }

  private onChange(c: WatchChange): void {
    if (c.object.kind !== 'Node' || c.type !== 'DELETED') return;
    const name = c.object.metadata.name;
    this.loop.at(this.loop.now(), `podgc node ${name}`, () => this.gcPodsOf(name));
  }

  private gcPodsOf(nodeName: string): void {
    if (this.store.get('Node', undefined, nodeName)) return;
    for (const pod of this.store.podsOnNode(nodeName) as Stored[]) {
      this.store.remove('Pod', pod.metadata.namespace, pod.metadata.name);
    }
  }
}
