// Invariant: once settled, a DaemonSet has exactly one pod on each eligible node and none elsewhere,
// whatever the nodes' labels and taints, also after they are relabelled and (un)tainted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Taint, Toleration } from 'kubernetes-types/core/v1.js';
import { createCluster, type Cluster } from '../../../src/runtime/index.js';
import { relabelNode, taintNode, untaintNode, cordon } from '../../../src/runtime/scenario/node-ops.js';

const TAINTS: Taint[] = [
  { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
  { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
  { key: 'maintenance', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
  { key: 'spot', value: 'true', effect: 'PreferNoSchedule' },
];
/** Taint keys every DaemonSet pod tolerates by itself (the automatic daemon tolerations). */
const AUTO_TOLERATED = new Set(['node.kubernetes.io/unschedulable', 'node.kubernetes.io/memory-pressure']);

const labelsArb = fc.record({ disktype: fc.constantFrom('ssd', 'hdd', undefined), zone: fc.constantFrom('a', 'b', undefined) });
const nodeArb = fc.record({ labels: labelsArb, taints: fc.subarray(TAINTS) });
const dsArb = fc.record({
  selector: fc.constantFrom<Record<string, string> | undefined>(undefined, { disktype: 'ssd' }, { zone: 'a' }),
  tolerateDedicated: fc.boolean(),
  tolerateControlPlane: fc.boolean(),
});
const opArb = fc.oneof(
  fc.record({ op: fc.constant('label' as const), node: fc.nat(7), labels: labelsArb }),
  fc.record({ op: fc.constant('taint' as const), node: fc.nat(7), taint: fc.constantFrom(...TAINTS) }),
  fc.record({ op: fc.constant('untaint' as const), node: fc.nat(7), taint: fc.constantFrom(...TAINTS) }),
  fc.record({ op: fc.constant('cordon' as const), node: fc.nat(7) }),
);

function clean(labels: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** The oracle, written independently of the controller: selector labels, then blocking taints. */
interface DsChoice {
  selector?: Record<string, string> | undefined;
  tolerateDedicated: boolean;
  tolerateControlPlane: boolean;
}

function eligible(node: { metadata: { labels?: Record<string, string> }; spec?: { taints?: Taint[] } }, ds: DsChoice): boolean {
  for (const [k, v] of Object.entries(ds.selector ?? {})) if (node.metadata.labels?.[k] !== v) return false;
  return (node.spec?.taints ?? []).every((t) => {
    if (t.effect === 'PreferNoSchedule' || AUTO_TOLERATED.has(t.key)) return true;
    if (t.key === 'dedicated') return ds.tolerateDedicated;
    if (t.key === 'node-role.kubernetes.io/control-plane') return ds.tolerateControlPlane;
    return false;
  });
}

function tolerations(ds: DsChoice): Toleration[] {
  const out: Toleration[] = [];
  if (ds.tolerateDedicated) out.push({ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' });
  if (ds.tolerateControlPlane) out.push({ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' });
  return out;
}

function check(c: Cluster, ds: DsChoice, ctx: string): void {
  const want = c.store.list('Node').filter((n) => eligible(n as never, ds)).map((n) => n.metadata.name).sort();
  const have = c.store
    .list('Pod')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec.nodeName as string)
    .sort();
  expect(have, ctx).toEqual(want);
}


/** The DaemonSet under test, with the generated nodeSelector and tolerations. */
function agentDaemonSet(ds: DsChoice) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'a', image: 'agent:1' }], ...(ds.selector ? { nodeSelector: ds.selector } : {}), tolerations: tolerations(ds) },
      },
    },
  };
}

describe('DaemonSet placement property', () => {
  it('one pod on each eligible node and none elsewhere, after any relabel/taint sequence', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 8 }), dsArb, fc.array(opArb, { maxLength: 6 }), (nodes, ds, ops) => {
        const c = createCluster({
          seed: 11,
          nodes: nodes.map((n, i) => ({ name: `node-${i + 1}`, labels: clean(n.labels), taints: n.taints.map((t) => ({ ...t })) })),
        });
        c.apply(agentDaemonSet(ds));
        expect(c.settle()).toBe(true);
        check(c, ds, 'initial');
        for (const op of ops) {
          const name = `node-${(op.node % nodes.length) + 1}`;
          if (op.op === 'label') relabelNode(c, name, { disktype: op.labels.disktype ?? null, zone: op.labels.zone ?? null });
          else if (op.op === 'taint') taintNode(c, name, op.taint);
          else if (op.op === 'untaint') untaintNode(c, name, op.taint.key, op.taint.effect);
          else cordon(c, name);
        }
        expect(c.settle()).toBe(true);
        // After changes: every eligible node has exactly one pod; a pod elsewhere is only one left by a
        // NoSchedule change (misscheduled, as upstream), never one an untolerated NoExecute taint evicts.
        const misscheduledOk = c.store.list('Pod').every((p) => {
          const node = c.store.get('Node', undefined, p.spec.nodeName)!;
          return eligible(node as never, ds) || !(node.spec.taints ?? []).some((t: Taint) => t.effect === 'NoExecute' && !AUTO_TOLERATED.has(t.key));
        });
        expect(misscheduledOk).toBe(true);
        const byNode = new Map<string, number>();
        for (const p of c.store.list('Pod')) if (!p.metadata.deletionTimestamp) byNode.set(p.spec.nodeName, (byNode.get(p.spec.nodeName) ?? 0) + 1);
        for (const n of c.store.list('Node')) {
          if (eligible(n as never, ds)) expect(byNode.get(n.metadata.name), `${n.metadata.name} eligible`).toBe(1);
        }
        // From a clean start on the changed nodes, placement is exact.
        c.delete('DaemonSet', 'default', 'agent');
        expect(c.settle()).toBe(true);
        expect(c.store.list('Pod')).toEqual([]);
        c.apply(agentDaemonSet(ds));
        expect(c.settle()).toBe(true);
        check(c, ds, 'after ops, recreated');
      }),
      { numRuns: 60, seed: 20261127 },
    );
  });
});
