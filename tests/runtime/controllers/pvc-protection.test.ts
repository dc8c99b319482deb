// kubernetes.io/pvc-protection: a claim deleted while a Pod uses it stays Terminating until no Pod uses it.
import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../../src/runtime/index.js';
import { deletePVC } from '../../../src/runtime/scenario/node-ops.js';

const claim: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
};
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'db' },
  spec: { containers: [{ name: 'c', image: 'postgres:16' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
};

describe('PVC protection', () => {
  it('every claim carries the pvc-protection finalizer, every volume pv-protection', () => {
    const c = createCluster({ nodes: 1 });
    c.apply(claim);
    c.settle();
    const pvc = c.store.get('PersistentVolumeClaim', 'default', 'data')!;
    expect(pvc.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(c.store.get('PersistentVolume', undefined, pvc.spec!.volumeName)!.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });

  it('a claim in use stays Terminating until its Pod is gone, then it and its volume go', () => {
    const c = createCluster({ nodes: 1 });
    c.apply(claim);
    c.apply(pod);
    c.settle();
    const volume = c.store.get('PersistentVolumeClaim', 'default', 'data')!.spec!.volumeName;
    deletePVC(c, 'default', 'data');
    c.settle();
    expect(c.store.get('PersistentVolumeClaim', 'default', 'data')?.metadata.deletionTimestamp).toBeDefined();
    expect(c.store.get('PersistentVolume', undefined, volume)).toBeDefined();
    c.delete('Pod', 'default', 'db');
    c.settle();
    expect(c.store.get('PersistentVolumeClaim', 'default', 'data')).toBeUndefined();
    expect(c.store.get('PersistentVolume', undefined, volume)).toBeUndefined();
  });

  it('a claim no Pod uses goes at once', () => {
    const c = createCluster({ nodes: 1 });
    c.apply(claim);
    c.settle();
    deletePVC(c, 'default', 'data');
    c.settle();
    expect(c.store.get('PersistentVolumeClaim', 'default', 'data')).toBeUndefined();
    expect(c.store.list('PersistentVolume')).toHaveLength(0);
  });
});
