import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../../src/runtime/index.js';
import { evictionDelayMs, failNode, recoverNode } from '../../../src/runtime/scenario/node-failure.js';
import { deletePVC } from '../../../src/runtime/scenario/node-ops.js';

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

function workloads(): KubeObject[] {
  const tpl = (app: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'x:1' }] } });
  return [
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: tpl('web') } },
    { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: tpl('agent') } },
  ];
}

describe('taint-based eviction delay', () => {
  it.each([
    [[], 0],
    [[{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], 300_000],
    [[{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }], undefined],
    [[{ operator: 'Exists' }], undefined],
    [[{ key: 'other', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }], 0],
  ])('tolerations %j evict after %s ms', (tolerations, want) => {
    expect(evictionDelayMs(tolerations, unreachable)).toBe(want);
  });
});

describe('failNode', () => {
  it('marks the node NotReady after the grace period, taints it unreachable and its pods not Ready', () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    for (const o of workloads()) c.apply(o);
    c.settle();
    failNode(c, 'node-1');
    c.runFor(39_000);
    expect(c.store.get('Node', undefined, 'node-1')!.status.conditions[0].status).toBe('True');
    c.runFor(1_000);
    const node = c.store.get('Node', undefined, 'node-1')!;
    expect(node.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('Unknown');
    expect(node.spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    for (const p of c.store.list('Pod')) expect(p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('False');
  });

  it('evicts ordinary pods after their 300 s toleration, never DaemonSet pods', () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    for (const o of workloads()) c.apply(o);
    c.settle();
    const start = c.now();
    failNode(c, 'node-1');
    c.runFor(400_000);
    const evictions = c.events.filter((e) => e.reason === 'TaintManagerEviction');
    expect(evictions.map((e) => e.involvedObject.name.split('-')[0])).toEqual(['web']);
    expect(evictions[0]!.time - start).toBe(340_000);
  });

  it('recoverNode before the toleration runs out cancels the eviction', () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    for (const o of workloads()) c.apply(o);
    c.settle();
    failNode(c, 'node-1');
    c.runFor(100_000);
    recoverNode(c, 'node-1');
    c.runFor(400_000);
    expect(c.events.filter((e) => e.reason === 'TaintManagerEviction')).toEqual([]);
    expect(c.store.get('Node', undefined, 'node-1')!.spec.taints).toBeUndefined();
    for (const p of c.store.list('Pod')) expect(p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
  });
});

describe('deletePVC', () => {
  it('deletes the claim and its dynamically provisioned volume (reclaim policy Delete)', () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.apply({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } });
    c.settle();
    const volume = c.store.get('PersistentVolumeClaim', 'default', 'data')!.spec.volumeName;
    expect(c.store.get('PersistentVolume', undefined, volume)!.spec.capacity.storage).toBe('2Gi');
    deletePVC(c, undefined, 'data');
    c.settle();
    expect(c.store.list('PersistentVolumeClaim')).toEqual([]);
    expect(c.store.list('PersistentVolume')).toEqual([]);
  });

  it('a claim for an unknown StorageClass stays Pending with ProvisioningFailed', () => {
    const c = createCluster({ seed: 2, nodes: 1 });
    c.apply({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    c.settle();
    expect(c.store.get('PersistentVolumeClaim', 'default', 'data')!.status.phase).toBe('Pending');
    expect(c.events.find((e) => e.reason === 'ProvisioningFailed')?.message).toBe('storageclass.storage.k8s.io "fast" not found');
  });
});
