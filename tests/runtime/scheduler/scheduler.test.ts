import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../src/runtime/index.js';
import { pod, replicaSet } from '../helpers.js';

const scheduledCond = (p: { status?: { conditions?: { type: string }[] } }) => p.status?.conditions?.find((x) => x.type === 'PodScheduled');

describe('scheduler', () => {
  it('spreads pods over the least loaded nodes', () => {
    const c = createCluster({ nodes: 3 });
    for (let i = 0; i < 6; i++) c.apply(pod(`p${i}`, { app: 'x' }));
    c.settle();
    const perNode = new Map<string, number>();
    for (const p of c.store.list('Pod')) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([2, 2, 2]);
  });

  it('honours nodeSelector', () => {
    const c = createCluster({ nodes: [{ name: 'a' }, { name: 'b', labels: { disktype: 'ssd' } }] });
    c.apply(pod('p', { app: 'x' }, { nodeSelector: { disktype: 'ssd' } }));
    c.settle();
    expect(c.store.get('Pod', 'default', 'p')!.spec.nodeName).toBe('b');
  });

  it('honours required node affinity', () => {
    const c = createCluster({ nodes: [{ name: 'a', labels: { zone: 'z1' } }, { name: 'b', labels: { zone: 'z2' } }] });
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z2'] }] }] } } };
    c.apply(pod('p', { app: 'x' }, { affinity }));
    c.settle();
    expect(c.store.get('Pod', 'default', 'p')!.spec.nodeName).toBe('b');
  });

  it('keeps pods off tainted nodes unless they tolerate the taint', () => {
    const taints = [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }];
    const c = createCluster({ nodes: [{ name: 'infra', taints }] });
    c.apply(pod('plain', { app: 'x' }));
    c.apply(pod('tolerant', { app: 'x' }, { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' }] }));
    c.settle();
    expect(c.store.get('Pod', 'default', 'plain')!.spec.nodeName).toBeUndefined();
    expect(c.store.get('Pod', 'default', 'tolerant')!.spec.nodeName).toBe('infra');
  });

  it('a pod that fits nowhere stays Pending with PodScheduled=False Unschedulable and a FailedScheduling event', () => {
    const c = createCluster({ nodes: [{ name: 'small', capacity: { cpu: '1' } }] });
    c.apply(pod('big', { app: 'x' }, { containers: [{ name: 'a', image: 'nginx:1', resources: { requests: { cpu: '2' } } }] }));
    c.settle();
    const p = c.store.get('Pod', 'default', 'big')!;
    expect(p.status.phase).toBe('Pending');
    expect(scheduledCond(p)).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    const e = c.events.find((x) => x.reason === 'FailedScheduling')!;
    expect(e.type).toBe('Warning');
    expect(e.message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
  });

  it('retries an unschedulable pod when a node is added', () => {
    const c = createCluster({ nodes: [{ name: 'a', labels: { disktype: 'hdd' } }] });
    c.apply(pod('p', { app: 'x' }, { nodeSelector: { disktype: 'ssd' } }));
    c.settle();
    c.addNode({ name: 'b', labels: { disktype: 'ssd' } });
    c.settle();
    expect(c.store.get('Pod', 'default', 'p')!.spec.nodeName).toBe('b');
  });

  it('respects the node pods capacity', () => {
    const c = createCluster({ nodes: [{ name: 'a', capacity: { pods: '2' } }] });
    for (let i = 0; i < 3; i++) c.apply(pod(`p${i}`, { app: 'x' }));
    c.settle();
    expect(c.store.list('Pod').filter((p) => p.spec.nodeName)).toHaveLength(2);
    expect(c.events.find((x) => x.reason === 'FailedScheduling')!.message).toContain('1 Too many pods');
  });

  it('does not schedule onto a cordoned (unschedulable) node', () => {
    const c = createCluster({ nodes: [{ name: 'a', unschedulable: true }, { name: 'b' }] });
    c.apply(pod('p', { app: 'x' }));
    c.settle();
    expect(c.store.get('Pod', 'default', 'p')!.spec.nodeName).toBe('b');
  });

  it('every pod of a template beyond capacity gets its own FailedScheduling event with the same message', () => {
    const c = createCluster({ nodes: [{ name: 'a', capacity: { pods: '2' } }, { name: 'b', capacity: { pods: '1' } }] });
    c.apply(replicaSet('web', 6));
    c.settle();
    const pending = c.store.list('Pod').filter((p) => !p.spec.nodeName);
    expect(pending).toHaveLength(3);
    const failed = c.events.filter((e) => e.reason === 'FailedScheduling');
    expect(new Set(failed.map((e) => e.involvedObject.name))).toEqual(new Set(pending.map((p) => p.metadata.name)));
    for (const e of failed) {
      expect(e.message).toBe('0/2 nodes are available: 2 Too many pods. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    }
  });

  it('a pending pod of a template takes the room another pod leaves on a full node', () => {
    const c = createCluster({ nodes: [{ name: 'a', capacity: { pods: '2' } }] });
    c.apply(pod('blocker', { app: 'other' }));
    c.settle();
    c.apply(replicaSet('web', 2));
    c.settle();
    expect(c.store.list('Pod').filter((p) => !p.spec.nodeName)).toHaveLength(1);
    c.delete('Pod', 'default', 'blocker', { gracePeriodSeconds: 0 });
    c.settle();
    expect(c.store.list('Pod').filter((p) => p.metadata.labels?.app === 'web' && p.spec.nodeName === 'a')).toHaveLength(2);
  });

  it('a pod that finished gives its requests back to its node', () => {
    const c = createCluster({ nodes: [{ name: 'a', capacity: { cpu: '1' } }] });
    const container = (name: string) => ({ name, image: 'busybox:1.36', resources: { requests: { cpu: '600m' } } });
    c.apply(pod('first', { app: 'x' }, { restartPolicy: 'Never', containers: [container('first')] }));
    c.apply(pod('second', { app: 'x' }, { containers: [container('second')] }));
    c.runFor(0);
    expect(c.store.get('Pod', 'default', 'second')!.spec.nodeName).toBeUndefined();
    c.settle();
    expect(c.store.get('Pod', 'default', 'first')!.status.phase).toBe('Succeeded');
    expect(c.store.get('Pod', 'default', 'second')!.spec.nodeName).toBe('a');
  });
});
