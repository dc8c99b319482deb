import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../src/runtime/index.js';
import type { Stored } from '../../../src/runtime/index.js';
import { controllerRef } from '../../../src/runtime/api/types.js';
import { replicaSet, pod } from '../helpers.js';
import { compareKeys, deletionKey } from '../../../src/runtime/controllers/replicaset/rank.js';

const live = (pods: Stored[]): Stored[] => pods.filter((p) => !p.metadata.deletionTimestamp);

describe('ReplicaSet controller', () => {
  it('creates pods named <replicaset>-<5 chars> and records SuccessfulCreate with each pod name', () => {
    const c = createCluster();
    c.apply(replicaSet('web', 3));
    c.settle();
    const pods = c.store.list('Pod');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const created = c.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message);
    expect(created.sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
  });

  it('reports replicas, readyReplicas and observedGeneration in status', () => {
    const c = createCluster();
    c.apply(replicaSet('web', 2));
    c.settle();
    const rs = c.store.get('ReplicaSet', 'default', 'web')!;
    expect(rs.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });

  it('replaces a deleted pod', () => {
    const c = createCluster();
    c.apply(replicaSet('web', 2));
    c.settle();
    const victim = c.store.list('Pod')[0]!;
    c.delete('Pod', 'default', victim.metadata.name);
    c.settle();
    const pods = c.store.list('Pod');
    expect(pods).toHaveLength(2);
    expect(pods.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it('scaling down deletes pods and records SuccessfulDelete with their names', () => {
    const c = createCluster();
    c.apply(replicaSet('web', 4));
    c.settle();
    c.scale('ReplicaSet', 'default', 'web', 1);
    c.settle();
    expect(c.store.list('Pod')).toHaveLength(1);
    expect(c.events.filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(3);
  });

  it('adopts an orphan pod that matches its selector instead of creating one', () => {
    const c = createCluster();
    c.apply(pod('stray', { app: 'web' }));
    c.apply(replicaSet('web', 2));
    c.settle();
    const pods = c.store.list('Pod');
    expect(pods).toHaveLength(2);
    const stray = c.store.get('Pod', 'default', 'stray')!;
    expect(controllerRef(stray)?.name).toBe('web');
  });

  it('releases a pod whose labels no longer match, and replaces it', () => {
    const c = createCluster();
    c.apply(replicaSet('web', 1));
    c.settle();
    const p = c.store.list('Pod')[0]!;
    c.store.update({ ...p, metadata: { ...p.metadata, labels: { app: 'debug' } } });
    c.settle();
    expect(controllerRef(c.store.get('Pod', 'default', p.metadata.name)!)).toBeUndefined();
    expect(c.store.list('Pod')).toHaveLength(2);
  });

  it('deletes unscheduled pods before scheduled ones when scaling down', () => {
    const c = createCluster({ nodes: [{ name: 'node-1', capacity: { pods: '2' } }] });
    c.apply(replicaSet('web', 3));
    c.settle();
    const pending = c.store.list('Pod').find((p) => !p.spec.nodeName)!;
    expect(pending).toBeDefined();
    c.scale('ReplicaSet', 'default', 'web', 2);
    c.loop.runUntil(c.now());
    expect(c.store.get('Pod', 'default', pending.metadata.name)).toBeUndefined();
  });

  it('ranks not-ready before ready, then more restarts, then newer pods first (ActivePodsWithRanks)', () => {
    const now = Date.UTC(2030, 0, 1, 1);
    const mk = (name: string, ready: boolean, restarts: number, created: string): Stored =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, uid: name, creationTimestamp: created, resourceVersion: '1', generation: 1 },
        spec: { nodeName: 'node-1' },
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2030-01-01T00:00:00Z' }],
          containerStatuses: [{ restartCount: restarts }],
        },
      }) as unknown as Stored;
    const pods = [
      mk('old-ready', true, 0, '2029-12-01T00:00:00Z'),
      mk('new-ready', true, 0, '2030-01-01T00:59:00Z'),
      mk('crashy', true, 5, '2029-12-01T00:00:00Z'),
      mk('not-ready', false, 0, '2029-12-01T00:00:00Z'),
    ];
    const order = pods.map((p) => deletionKey(p, 0, now)).sort(compareKeys).map((k) => k.pod.metadata.name);
    expect(order).toEqual(['not-ready', 'crashy', 'new-ready', 'old-ready']);
  });

  it('keeps pods of another owner alone', () => {
    const c = createCluster();
    c.apply(replicaSet('a', 1, { app: 'x', v: 'a' }));
    c.apply(replicaSet('b', 1, { app: 'x', v: 'b' }));
    c.settle();
    expect(live(c.store.list('Pod'))).toHaveLength(2);
  });
});
