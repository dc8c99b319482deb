import { describe, it, expect } from 'vitest';
import { createCluster } from '../../src/runtime/index.js';
import { deployment, replicaSet } from './helpers.js';

describe('garbage collector', () => {
  it('deleting a Deployment deletes its ReplicaSets and their pods in the background', () => {
    const c = createCluster();
    c.apply(deployment());
    c.settle();
    c.delete('Deployment', 'default', 'web');
    c.settle();
    expect(c.store.list('ReplicaSet')).toHaveLength(0);
    expect(c.store.list('Pod')).toHaveLength(0);
  });

  it('propagationPolicy Orphan leaves the pods, without owner references', () => {
    const c = createCluster();
    c.apply(replicaSet('web', 2));
    c.settle();
    c.delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Orphan' });
    c.settle();
    const pods = c.store.list('Pod');
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.ownerReferences).toBeUndefined();
  });
});
