import { describe, it, expect } from 'vitest';
import { createCluster, ApiError } from '../../src/runtime/index.js';
import { deployment, pod } from './helpers.js';

describe('store (API server)', () => {
  it('fills uid, resourceVersion, creationTimestamp, generation 1 and namespace default', () => {
    const c = createCluster();
    const d = c.create(deployment());
    expect(d.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.metadata.generation).toBe(1);
    expect(d.metadata.namespace).toBe('default');
    expect(d.metadata.creationTimestamp).toBe('2030-01-01T00:00:00Z');
  });

  it('bumps generation only when the spec changes', () => {
    const c = createCluster();
    const d = c.create(deployment());
    const relabelled = c.store.update({ ...d, metadata: { ...d.metadata, labels: { team: 'a' } } });
    expect(relabelled.metadata.generation).toBe(1);
    expect(Number(relabelled.metadata.resourceVersion)).toBeGreaterThan(Number(d.metadata.resourceVersion));
    const scaled = c.store.update({ ...relabelled, spec: { ...relabelled.spec, replicas: 5 } });
    expect(scaled.metadata.generation).toBe(2);
  });

  it('refuses a duplicate name with AlreadyExists', () => {
    const c = createCluster();
    c.create(pod('p', {}));
    try {
      c.create(pod('p', {}));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).reason).toBe('AlreadyExists');
    }
  });

  it('stored objects are immutable', () => {
    const c = createCluster({ freeze: true });
    const p = c.create(pod('p', { app: 'x' }));
    expect(() => {
      (p.metadata.labels as Record<string, string>).app = 'y';
    }).toThrow();
  });

  it('an unscheduled pod is deleted at once; a running one gets a deletionTimestamp', () => {
    const c = createCluster({ nodes: 0 });
    c.create(pod('pending', {}));
    expect(c.delete('Pod', 'default', 'pending')).toBeUndefined();
    const c2 = createCluster();
    c2.create(pod('running', {}));
    c2.settle();
    const after = c2.delete('Pod', 'default', 'running')!;
    expect(after.metadata.deletionTimestamp).toBe('2030-01-01T00:00:31Z');
    expect(after.metadata.deletionGracePeriodSeconds).toBe(30);
  });

  it('indexes dependents by owner uid and pods by node', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 2 }));
    c.settle();
    const rs = c.store.list('ReplicaSet')[0]!;
    expect(c.store.dependentsOf(rs.metadata.uid, 'Pod')).toHaveLength(2);
    const total = c.store.list('Node').reduce((n, node) => n + c.store.podsOnNode(node.metadata.name).length, 0);
    expect(total).toBe(2);
  });
});
