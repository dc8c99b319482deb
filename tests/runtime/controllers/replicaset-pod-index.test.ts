import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cluster } from '../../../src/runtime/cluster.js';
import type { Stored } from '../../../src/runtime/api/types.js';
import { controllerRef } from '../../../src/runtime/api/types.js';
import { replicaSetController } from '../../../src/runtime/controllers/replicaset/index.js';
import { ReplicaSetPodIndex, replicaSetPodIndex } from '../../../src/runtime/controllers/replicaset/pod-index.js';
import type { OwnedPods } from '../../../src/runtime/controllers/replicaset/pod-index.js';
import { isPodActive, isPodReady } from '../../../src/runtime/controllers/podutil.js';
import { deployment, pod, replicaSet } from '../helpers.js';
import { clusterCheckingIndex, type IndexChecks } from './index-check.js';

/** The counts the index must hold for `ownerUid`, from a scan of the store. */
function expected(c: Cluster, ownerUid: string): string {
  const mine = c.store.list('Pod').filter((p) => controllerRef(p)?.kind === 'ReplicaSet' && controllerRef(p)?.uid === ownerUid);
  const count = <K>(keys: K[]): [K, number][] => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m];
  };
  const active = mine.filter(isPodActive);
  return describeCounts({
    size: mine.length,
    active: active.length,
    ready: active.filter(isPodReady).length,
    byLabels: count(mine.map((p) => p.metadata.labels)),
    activeByLabels: count(active.map((p) => p.metadata.labels)),
    activeOnNode: count(active.map((p) => p.spec?.nodeName ?? '')),
  });
}

function actual(o: OwnedPods): string {
  return describeCounts({ ...o, byLabels: [...o.byLabels], activeByLabels: [...o.activeByLabels], activeOnNode: [...o.activeOnNode] });
}

function describeCounts(o: { size: number; active: number; ready: number; byLabels: [unknown, number][]; activeByLabels: [unknown, number][]; activeOnNode: [string, number][] }): string {
  const sorted = (xs: [unknown, number][]): string[] => xs.map(([k, n]) => `${JSON.stringify(k)}=${n}`).sort();
  return JSON.stringify({ size: o.size, active: o.active, ready: o.ready, byLabels: sorted(o.byLabels), activeByLabels: sorted(o.activeByLabels), activeOnNode: sorted(o.activeOnNode) });
}

/** A cluster whose ReplicaSet controller checks, before each sync, that the index agrees with the store. */
function checkedCluster(nodes = 3): { c: Cluster; seen: IndexChecks } {
  return clusterCheckingIndex(replicaSetController, 'ReplicaSet', (c, rs) => ({ want: expected(c, rs.metadata.uid), got: actual(replicaSetPodIndex(c.store).of(rs.metadata.uid)) }), { nodes });
}

describe('the ReplicaSet controller pod index', () => {
  it('follows the store through a rollout, a scale-down and a node removal', () => {
    const { c, seen } = checkedCluster();
    c.apply(deployment({ replicas: 6 }));
    c.settle();
    c.apply(deployment({ replicas: 6, image: 'nginx:1.26' }));
    c.runFor(3_000);
    c.apply(deployment({ replicas: 2, image: 'nginx:1.26' }));
    c.removeNode('node-1');
    c.settle();
    expect(seen.checks).toBeGreaterThan(10);
    expect(seen.mismatches).toEqual([]);
  });

  it('follows pods released by relabelling and orphans adopted by selector', () => {
    const { c, seen } = checkedCluster();
    c.apply(pod('stray', { app: 'web' }));
    c.apply(replicaSet('web', 3));
    c.settle();
    const owned = c.store.list('Pod').find((p) => p.metadata.name !== 'stray')!;
    c.store.update({ ...owned, metadata: { ...owned.metadata, labels: { app: 'other' } } });
    c.settle();
    expect(c.store.list('Pod').filter((p) => controllerRef(p)?.name === 'web')).toHaveLength(3);
    expect(seen.mismatches).toEqual([]);
  });

  it('counts a pod whose changes arrive out of order (bound at creation, the kubelet writes during the ADDED notification)', () => {
    const { c, seen } = checkedCluster();
    c.apply(replicaSet('web', 1));
    c.settle();
    const rs = c.store.get('ReplicaSet', 'default', 'web')!;
    const ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true }];
    const bound = pod('bound', { app: 'web' }, { nodeName: 'node-2' });
    c.create({ ...bound, metadata: { ...bound.metadata, ownerReferences } });
    c.settle();
    expect(c.store.list('Pod').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
    expect(seen.checks).toBeGreaterThan(1);
    expect(seen.mismatches).toEqual([]);
  });

  it('ends with the store\'s counts whatever order the changes of a pod arrive in', () => {
    const labels = { app: 'web' };
    const ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true }];
    const version = (rv: number, nodeName?: string, ready = false): Stored =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default', uid: 'p-1', resourceVersion: String(rv), labels, ownerReferences },
        spec: nodeName ? { nodeName } : {},
        status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
      }) as unknown as Stored;
    const [v1, v2, v3] = [version(1), version(2, 'node-1'), version(3, 'node-1', true)];
    const empty = { list: () => [] } as unknown as ConstructorParameters<typeof ReplicaSetPodIndex>[0];
    const index = new ReplicaSetPodIndex(empty);
    // The writer of v3 ran inside the notification of v2, itself inside that of v1's creation.
    index.observe({ type: 'MODIFIED', object: v3, old: v2 });
    index.observe({ type: 'MODIFIED', object: v2, old: v1 });
    index.observe({ type: 'ADDED', object: v1 });
    const o = index.of('rs-1');
    expect({ size: o.size, active: o.active, ready: o.ready, onNode: [...o.activeOnNode] }).toEqual({ size: 1, active: 1, ready: 1, onNode: [['node-1', 1]] });
    index.observe({ type: 'DELETED', object: version(4, 'node-1', true), old: v3 });
    expect(index.of('rs-1').size).toBe(0);
  });

  it('agrees with the store at every sync over random scaling, deletions and node changes', () => {
    const op = fc.oneof(
      fc.record({ type: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ type: fc.constant('image' as const), v: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ type: fc.constant('deletePod' as const), i: fc.nat(), grace: fc.boolean() }),
      fc.record({ type: fc.constant('relabel' as const), i: fc.nat() }),
      fc.record({ type: fc.constant('node' as const), add: fc.boolean() }),
      fc.record({ type: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const { c, seen } = checkedCluster(2);
        let replicas = 4;
        let image = 'nginx:1';
        let nodes = 2;
        c.apply(deployment({ replicas, image, maxSurge: 1, maxUnavailable: 1 }));
        for (const o of ops) {
          const pods = c.store.list('Pod') as Stored[];
          const target = pods.length ? pods[('i' in o ? o.i : 0) % pods.length] : undefined;
          if (o.type === 'scale') replicas = o.replicas;
          if (o.type === 'image') image = `nginx:${o.v}`;
          if (o.type === 'scale' || o.type === 'image') c.apply(deployment({ replicas, image, maxSurge: 1, maxUnavailable: 1 }));
          if (o.type === 'deletePod' && target) c.delete('Pod', 'default', target.metadata.name, o.grace ? {} : { gracePeriodSeconds: 0 });
          if (o.type === 'relabel' && target && !target.metadata.deletionTimestamp) {
            c.store.update({ ...target, metadata: { ...target.metadata, labels: { ...target.metadata.labels, app: 'elsewhere' } } });
          }
          if (o.type === 'node' && o.add) c.addNode({ name: `node-${++nodes}` });
          if (o.type === 'node' && !o.add && c.store.get('Node', undefined, `node-${nodes}`)) c.removeNode(`node-${nodes}`);
          c.runFor(o.type === 'wait' ? o.ms : 1_000);
        }
        c.settle();
        expect(seen.mismatches).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
