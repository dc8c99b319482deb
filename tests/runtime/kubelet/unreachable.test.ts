// A node whose kubelet is cut off cannot finish deletions: evicted pods stay Terminating until the node
// comes back or is removed. A StatefulSet waits for the old pod (at most one pod per identity); a
// ReplicaSet ignores terminating pods and replaces at once.
import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../../src/runtime/index.js';
import type { Cluster } from '../../../src/runtime/cluster.js';
import { failNode, recoverNode } from '../../../src/runtime/scenario/node-failure.js';

const tpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } };
const sts: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: { replicas: 3, serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: tpl },
};
const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tpl } };

function failNodeOf(c: Cluster, podName: string): string {
  const node = c.store.get('Pod', 'default', podName)!.spec!.nodeName!;
  failNode(c, node);
  return node;
}

describe('a node that cannot reach the API server', () => {
  it('a StatefulSet pod evicted there stays Terminating and is not replaced', () => {
    const c = createCluster({ nodes: 3 });
    c.apply(sts);
    c.settle();
    failNodeOf(c, 'web-1');
    c.runFor(600_000);
    const web1 = c.store.get('Pod', 'default', 'web-1')!;
    expect(web1.metadata.deletionTimestamp).toBeDefined();
    expect(c.store.list('Pod', 'default').filter((p) => p.metadata.name === 'web-1')).toHaveLength(1);
  });

  it('once the node recovers the deletion finishes and the StatefulSet recreates web-1', () => {
    const c = createCluster({ nodes: 3 });
    c.apply(sts);
    c.settle();
    const node = failNodeOf(c, 'web-1');
    c.runFor(600_000);
    const old = c.store.get('Pod', 'default', 'web-1')!.metadata.uid;
    recoverNode(c, node);
    c.settle();
    const web1 = c.store.get('Pod', 'default', 'web-1')!;
    expect(web1.metadata.uid).not.toBe(old);
    expect(web1.metadata.deletionTimestamp).toBeUndefined();
  });

  it('removing the node lets pod GC delete the stuck pod, and the StatefulSet recreates it', () => {
    const c = createCluster({ nodes: 3 });
    c.apply(sts);
    c.settle();
    const node = failNodeOf(c, 'web-1');
    c.runFor(600_000);
    c.removeNode(node);
    c.settle();
    const web1 = c.store.get('Pod', 'default', 'web-1')!;
    expect(web1.metadata.deletionTimestamp).toBeUndefined();
    expect(web1.spec?.nodeName).not.toBe(node);
  });

  it('a ReplicaSet replaces the pod at once (it ignores terminating pods)', () => {
    const c = createCluster({ nodes: 3 });
    c.apply(rs);
    c.settle();
    const victim = c.store.list('Pod', 'default')[0]!;
    failNode(c, victim.spec!.nodeName!);
    c.runFor(600_000);
    const pods = c.store.list('Pod', 'default');
    expect(pods.filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name)).toContain(victim.metadata.name);
    expect(pods.filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
  });

  it('a Job replaces the stuck pod at once by default, but waits with podReplacementPolicy Failed', () => {
    for (const [policy, want] of [['TerminatingOrFailed', 1], ['Failed', 0]] as const) {
      const c = createCluster({ nodes: 2 });
      c.apply({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'w' },
        spec: { podReplacementPolicy: policy, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'busybox:1.36', command: ['sleep', '3600'] }] } } },
      });
      c.runFor(5_000);
      const victim = c.store.list('Pod', 'default')[0]!;
      failNode(c, victim.spec!.nodeName!);
      c.runFor(600_000);
      expect(c.store.get('Pod', 'default', victim.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
      expect(c.store.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(want);
    }
  });
});
