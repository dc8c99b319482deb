// Pod resource requests and node capacity, as the scheduler computes them.
import type { KubeObject, Stored } from '../api/types.js';
import { cpuMillis, bytes, parseQuantity } from '../api/quantity.js';
import type { NodeCapacity, Requests } from './filters.js';

/** Defaults used for scoring pods without requests (pkg/scheduler/util: DefaultMilliCPURequest 100m, 200Mi). */
export const NON_ZERO_CPU = 100;
export const NON_ZERO_MEMORY = 200 * 1024 * 1024;

interface ContainerLike {
  resources?: { requests?: Record<string, string | number> };
}

/**
 * Effective requests: sum over containers, at least the largest init container (resource.PodRequests).
 * Cached per (immutable) containers list: the pods of a template share it, even once bound.
 */
export function podRequests(pod: KubeObject, nonZero = false): Requests {
  const containers = pod.spec?.containers as object | undefined;
  if (!containers) return computeRequests(pod, nonZero);
  let cached = requestsCache.get(containers);
  if (!cached || cached.initContainers !== pod.spec?.initContainers) {
    const plain = Object.freeze(computeRequests(pod, false));
    cached = { initContainers: pod.spec?.initContainers, plain, nonZero: Object.freeze(computeRequests(pod, true)) };
    requestsCache.set(containers, cached);
  }
  return nonZero ? cached.nonZero : cached.plain;
}

const requestsCache = new WeakMap<object, { initContainers: unknown; plain: Requests; nonZero: Requests }>();

function computeRequests(pod: KubeObject, nonZero: boolean): Requests {
  const one = (c: ContainerLike): Requests => {
    const r = c.resources?.requests ?? {};
    let cpu = cpuMillis(r.cpu);
    let memory = bytes(r.memory);
    if (nonZero) {
      if (r.cpu === undefined) cpu = NON_ZERO_CPU;
      if (r.memory === undefined) memory = NON_ZERO_MEMORY;
    }
    return { cpu, memory };
  };
  const sum: Requests = { cpu: 0, memory: 0 };
  for (const c of (pod.spec?.containers ?? []) as ContainerLike[]) {
    const r = one(c);
    sum.cpu += r.cpu;
    sum.memory += r.memory;
  }
  for (const c of (pod.spec?.initContainers ?? []) as ContainerLike[]) {
    const r = one(c);
    sum.cpu = Math.max(sum.cpu, r.cpu);
    sum.memory = Math.max(sum.memory, r.memory);
  }
  return sum;
}

/** Allocatable resources of a node; cached per (immutable) node object. */
export function nodeCapacity(node: Stored): NodeCapacity {
  let cap = capacities.get(node);
  if (!cap) {
    const a = node.status?.allocatable ?? node.status?.capacity ?? {};
    cap = { cpu: cpuMillis(a.cpu ?? '4'), memory: bytes(a.memory ?? '16Gi'), pods: parseQuantity(a.pods ?? '110') ?? 110 };
    capacities.set(node, cap);
  }
  return cap;
}

const capacities = new WeakMap<Stored, NodeCapacity>();
