// StatefulSet invariants over random sequences of scaling, pod deletions, crashes and node failures:
// - OrderedReady: when pod N is created, every pod below N exists and is Running and Ready;
// - a claim under the Retain policy is never deleted;
// - a pod's name and claim stay the same: web-k always mounts data-web-k, the very claim first made for it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster, type Cluster, type KubeObject } from '../../../src/runtime/index.js';
import { failNode, recoverNode } from '../../../src/runtime/scenario/node-failure.js';

type Op =
  | { op: 'scale'; replicas: number }
  | { op: 'deletePod'; ordinal: number }
  | { op: 'kill'; ordinal: number }
  | { op: 'failNode'; node: number }
  | { op: 'recoverNode'; node: number }
  | { op: 'removeNode'; node: number }
  | { op: 'addNode' }
  | { op: 'wait'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('deletePod' as const), ordinal: fc.nat(4) }),
  fc.record({ op: fc.constant('kill' as const), ordinal: fc.nat(4) }),
  fc.record({ op: fc.constant('failNode' as const), node: fc.nat(3) }),
  fc.record({ op: fc.constant('recoverNode' as const), node: fc.nat(3) }),
  fc.record({ op: fc.constant('removeNode' as const), node: fc.nat(3) }),
  fc.record({ op: fc.constant('addNode' as const) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 400_000 }) }),
);

function statefulSet(replicas: number, policy: 'OrderedReady' | 'Parallel'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      serviceName: 'web',
      podManagementPolicy: policy,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'db:1' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
}

let added = 0;
function play(c: Cluster, op: Op): void {
  const node = (i: number) => `node-${i + 1}`;
  const exists = (n: string) => c.store.get('Node', undefined, n) !== undefined;
  switch (op.op) {
    case 'scale':
      return void c.scale('StatefulSet', 'default', 'web', op.replicas);
    case 'deletePod':
      if (c.store.get('Pod', 'default', `web-${op.ordinal}`)) c.delete('Pod', 'default', `web-${op.ordinal}`);
      return;
    case 'kill':
      return void c.killPod('default', `web-${op.ordinal}`);
    case 'failNode':
      if (exists(node(op.node))) failNode(c, node(op.node));
      return;
    case 'recoverNode':
      if (exists(node(op.node))) recoverNode(c, node(op.node));
      return;
    case 'removeNode':
      if (exists(node(op.node))) c.removeNode(node(op.node));
      return;
    case 'addNode':
      return void c.addNode({ name: `extra-${++added}` });
    case 'wait':
      return c.runFor(op.ms);
  }
}

function isReady(o: KubeObject): boolean {
  return o.status?.phase === 'Running' && (o.status?.conditions ?? []).some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True');
}

/** Replays the timeline: at each creation of web-N, web-0..N-1 must exist, Running, Ready and not terminating. */
function orderedCreationViolations(c: Cluster): string[] {
  const pods = new Map<string, KubeObject>();
  const bad: string[] = [];
  for (const e of c.timeline.entries) {
    if (e.object.kind !== 'Pod') continue;
    const name = e.object.metadata.name!;
    if (e.type === 'DELETED') {
      pods.delete(name);
      continue;
    }
    if (e.type === 'ADDED') {
      const n = Number(name.split('-')[1]);
      for (let k = 0; k < n; k++) {
        const p = pods.get(`web-${k}`);
        if (!p || !isReady(p) || p.metadata.deletionTimestamp) bad.push(`${name} created at ${e.time} while web-${k} was ${p ? p.status?.phase : 'absent'}`);
      }
    }
    pods.set(name, e.object);
  }
  return bad;
}

const readiness = fc.integer({ min: 0, max: 20_000 });

describe('StatefulSet properties', () => {
  it('OrderedReady never creates pod N before pods 0..N-1 are Running and Ready', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), readiness, fc.array(opArb, { maxLength: 8 }), (replicas, readyAfter, ops) => {
        const c = createCluster({ seed: 4, nodes: 4, podRules: [{ selector: { matchLabels: { app: 'web' } }, readyAfter }] });
        c.apply(statefulSet(replicas, 'OrderedReady'));
        for (const op of ops) play(c, op);
        c.settle();
        expect(orderedCreationViolations(c)).toEqual([]);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('a claim under the Retain policy is never deleted, and names and claims never change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('OrderedReady' as const, 'Parallel' as const),
        fc.array(opArb, { maxLength: 8 }),
        fc.boolean(),
        (replicas, policy, ops, deleteSet) => {
          const c = createCluster({ seed: 9, nodes: 4 });
          c.apply(statefulSet(replicas, policy));
          const firstClaimUid = new Map<string, string>();
          const record = () => {
            for (const p of c.store.list('PersistentVolumeClaim')) if (!firstClaimUid.has(p.metadata.name)) firstClaimUid.set(p.metadata.name, p.metadata.uid);
          };
          c.settle();
          record();
          for (const op of ops) {
            play(c, op);
            record();
          }
          c.settle();
          record();
          // Same name, same claim: every member pod mounts its own ordinal's claim, created once.
          for (const pod of c.store.list('Pod')) {
            const k = pod.metadata.name.split('-')[1];
            expect(pod.metadata.name).toMatch(/^web-\d+$/);
            expect(pod.spec.volumes).toContainEqual({ name: 'data', persistentVolumeClaim: { claimName: `data-web-${k}` } });
            expect(c.store.get('PersistentVolumeClaim', 'default', `data-web-${k}`)?.metadata.uid).toBe(firstClaimUid.get(`data-web-${k}`));
          }
          if (deleteSet) {
            c.delete('StatefulSet', 'default', 'web');
            c.settle();
          }
          expect(c.timeline.entries.filter((e) => e.object.kind === 'PersistentVolumeClaim' && e.type === 'DELETED')).toEqual([]);
          expect(c.store.list('PersistentVolumeClaim').length).toBe(firstClaimUid.size);
        },
      ),
      { numRuns: 40, seed: 8 },
    );
  });
});
