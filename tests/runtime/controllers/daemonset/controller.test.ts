import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type KubeObject } from '../../../../src/runtime/index.js';
import type { NodeSpec } from '../../../../src/runtime/nodes.js';
import { cordon, drain, relabelNode, taintNode, untaintNode } from '../../../../src/runtime/scenario/node-ops.js';

function daemonSet(podSpec: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'agent:1' }], ...podSpec } },
      ...spec,
    },
  };
}

function nodesWithAgent(c: Cluster): string[] {
  return c.store
    .list('Pod')
    .filter((p) => p.metadata.labels?.app === 'agent' && !p.metadata.deletionTimestamp)
    .map((p) => p.spec.nodeName)
    .sort();
}

function make(nodes: NodeSpec[] | number = 3): Cluster {
  return createCluster({ seed: 5, nodes });
}

describe('DaemonSet controller', () => {
  it('runs exactly one pod on every node', () => {
    const c = make();
    c.apply(daemonSet());
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(c.store.get('DaemonSet', 'default', 'agent')!.status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
      numberMisscheduled: 0,
    });
  });

  it('places each pod with a required node affinity on its node name, bound by the scheduler', () => {
    const c = make(1);
    c.apply(daemonSet());
    c.settle();
    const pod = c.store.list('Pod')[0]!;
    expect(pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] },
    ]);
    expect(c.events.some((e) => e.reason === 'Scheduled' && e.involvedObject.name === pod.metadata.name)).toBe(true);
    expect(pod.spec.tolerations.map((t: { key: string }) => t.key)).toContain('node.kubernetes.io/unschedulable');
  });

  it('follows nodeSelector as nodes are added and relabelled', () => {
    const c = make([{ name: 'node-1', labels: { disktype: 'ssd' } }, { name: 'node-2' }]);
    c.apply(daemonSet({ nodeSelector: { disktype: 'ssd' } }));
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1']);
    c.addNode({ name: 'node-3', labels: { disktype: 'ssd' } });
    relabelNode(c, 'node-2', { disktype: 'ssd' });
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1', 'node-2', 'node-3']);
    relabelNode(c, 'node-1', { disktype: null });
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-2', 'node-3']);
  });

  it('skips a control-plane node unless the pods tolerate its taint', () => {
    const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
    const c = make([{ name: 'cp', taints: [cp] }, { name: 'node-1' }]);
    c.apply(daemonSet());
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1']);
    c.apply(daemonSet({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['cp', 'node-1']);
  });

  it('a NoExecute taint removes the pod; untainting brings it back', () => {
    const c = make(2);
    c.apply(daemonSet());
    c.settle();
    taintNode(c, 'node-2', { key: 'maintenance', effect: 'NoExecute' });
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1']);
    untaintNode(c, 'node-2', 'maintenance');
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1', 'node-2']);
  });

  it('a NoSchedule taint keeps the running pod and counts it misscheduled', () => {
    const c = make(2);
    c.apply(daemonSet());
    c.settle();
    taintNode(c, 'node-2', { key: 'dedicated', value: 'db', effect: 'NoSchedule' });
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1', 'node-2']);
    expect(c.store.get('DaemonSet', 'default', 'agent')!.status).toMatchObject({ desiredNumberScheduled: 1, numberMisscheduled: 1 });
  });

  it('keeps its pod on a cordoned node and through a drain', () => {
    const c = make(2);
    c.apply(daemonSet());
    c.settle();
    cordon(c, 'node-2');
    drain(c, 'node-2');
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1', 'node-2']);
  });

  it('a removed node loses its pod', () => {
    const c = make(3);
    c.apply(daemonSet());
    c.settle();
    c.removeNode('node-2');
    c.settle();
    expect(nodesWithAgent(c)).toEqual(['node-1', 'node-3']);
    expect(c.store.get('DaemonSet', 'default', 'agent')!.status.desiredNumberScheduled).toBe(2);
  });

  it('RollingUpdate replaces one node at a time (maxUnavailable 1)', () => {
    const c = createCluster({ seed: 5, nodes: 3, podRules: [{ selector: { matchLabels: { app: 'agent' } }, readyAfter: 5_000 }] });
    c.apply(daemonSet());
    c.settle();
    c.apply(daemonSet({ containers: [{ name: 'a', image: 'agent:2' }] }));
    let maxDown = 0;
    for (let t = 0; t < 60; t++) {
      c.runFor(1_000);
      const s = c.store.get('DaemonSet', 'default', 'agent')!.status;
      maxDown = Math.max(maxDown, s.desiredNumberScheduled - s.numberAvailable);
    }
    expect(maxDown).toBe(1);
    const images = c.store.list('Pod').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image);
    expect(images).toEqual(['agent:2', 'agent:2', 'agent:2']);
  });

  it('RollingUpdate with maxSurge starts the new pod before the old one goes', () => {
    const c = make(1);
    const strategy = { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } };
    c.apply(daemonSet({}, strategy));
    c.settle();
    c.apply(daemonSet({ containers: [{ name: 'a', image: 'agent:2' }] }, strategy));
    c.runFor(10);
    expect(c.store.list('Pod').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
    c.settle();
    expect(c.store.list('Pod').map((p) => p.spec.containers[0].image)).toEqual(['agent:2']);
  });

  it('OnDelete keeps old pods until they are deleted', () => {
    const c = make(2);
    const strategy = { updateStrategy: { type: 'OnDelete' } };
    c.apply(daemonSet({}, strategy));
    c.settle();
    c.apply(daemonSet({ containers: [{ name: 'a', image: 'agent:2' }] }, strategy));
    c.settle();
    expect(c.store.list('Pod').map((p) => p.spec.containers[0].image)).toEqual(['agent:1', 'agent:1']);
    expect(c.store.get('DaemonSet', 'default', 'agent')!.status.updatedNumberScheduled).toBe(0);
  });
});
