import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../../src/runtime/index.js';
import type { Cluster, Stored } from '../../../../src/runtime/index.js';
import { deployment } from '../../helpers.js';
import { isPodReady, isPodActive } from '../../../../src/runtime/controllers/podutil.js';

const rss = (c: Cluster): Stored[] => c.store.list('ReplicaSet').sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1));
const revision = (o: Stored): string | undefined => o.metadata.annotations?.['deployment.kubernetes.io/revision'];
const condition = (d: Stored, type: string) => (d.status?.conditions ?? []).find((x: { type: string }) => x.type === type);

/** Pods, and available pods, after every store change (for invariants during a rollout). */
function countsOverTime(c: Cluster, body: () => void): { total: number; ready: number }[] {
  const samples: { total: number; ready: number }[] = [];
  c.store.watch((ch) => {
    if (ch.object.kind !== 'Pod') return;
    const pods = c.store.list('Pod').filter((p) => !p.metadata.deletionTimestamp);
    samples.push({ total: pods.length, ready: pods.filter((p) => isPodReady(p)).length });
  });
  body();
  return samples;
}

describe('Deployment controller', () => {
  it('creates a ReplicaSet named <deployment>-<pod-template-hash> whose pods carry the hash label', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 3 }));
    c.settle();
    const [rs] = rss(c);
    const hash = rs!.metadata.labels!['pod-template-hash'];
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    for (const p of c.store.list('Pod')) {
      expect(p.metadata.labels!['pod-template-hash']).toBe(hash);
      expect(p.metadata.name.startsWith(`${rs!.metadata.name}-`)).toBe(true);
    }
  });

  it('records "Scaled up replica set NAME from 0 to N" on the Deployment', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 3 }));
    c.settle();
    const e = c.events.find((x) => x.reason === 'ScalingReplicaSet')!;
    expect(e.involvedObject).toEqual({ kind: 'Deployment', name: 'web', namespace: 'default' });
    expect(e.message).toBe(`Scaled up replica set ${rss(c)[0]!.metadata.name} from 0 to 3`);
  });

  it('reports status and Available/Progressing conditions once rolled out', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 3 }));
    c.settle();
    const d = c.store.get('Deployment', 'default', 'web')!;
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(condition(d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });

  it('rolls with maxSurge 1 / maxUnavailable 0: never more than replicas+1 pods, never fewer than replicas ready', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 4, maxSurge: 1, maxUnavailable: 0 }));
    c.settle();
    const samples = countsOverTime(c, () => {
      c.apply(deployment({ replicas: 4, maxSurge: 1, maxUnavailable: 0, image: 'nginx:1.26' }));
      c.settle();
    });
    expect(Math.max(...samples.map((s) => s.total))).toBe(5);
    expect(Math.min(...samples.map((s) => s.ready))).toBeGreaterThanOrEqual(4);
    const [old, cur] = rss(c);
    expect(old!.spec.replicas).toBe(0);
    expect(cur!.spec.replicas).toBe(4);
  });

  it('rolls with maxSurge 0 / maxUnavailable 1: never more than replicas pods', () => {
    const c = createCluster();
    c.apply(deployment({ replicas: 4, maxSurge: 0, maxUnavailable: 1 }));
    c.settle();
    const samples = countsOverTime(c, () => {
      c.apply(deployment({ replicas: 4, maxSurge: 0, maxUnavailable: 1, image: 'nginx:1.26' }));
      c.settle();
    });
    expect(Math.max(...samples.map((s) => s.total))).toBe(4);
    expect(Math.min(...samples.map((s) => s.ready))).toBe(3);
  });

  it('numbers revisions on the ReplicaSets and the Deployment', () => {
    const c = createCluster();
    c.apply(deployment());
    c.settle();
    c.apply(deployment({ image: 'nginx:1.26' }));
    c.settle();
    expect(rss(c).map(revision)).toEqual(['1', '2']);
    expect(revision(c.store.get('Deployment', 'default', 'web')!)).toBe('2');
  });

  it('rolling back to an earlier template reuses its ReplicaSet with a new revision and a revision-history', () => {
    const c = createCluster();
    c.apply(deployment());
    c.settle();
    const first = rss(c)[0]!.metadata.name;
    c.apply(deployment({ image: 'nginx:1.26' }));
    c.settle();
    c.apply(deployment());
    c.settle();
    expect(rss(c)).toHaveLength(2);
    const reused = c.store.get('ReplicaSet', 'default', first)!;
    expect(revision(reused)).toBe('3');
    expect(reused.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(reused.spec.replicas).toBe(3);
  });

  it('prunes old ReplicaSets beyond revisionHistoryLimit', () => {
    const c = createCluster();
    for (const v of ['1', '2', '3', '4']) {
      c.apply(deployment({ revisionHistoryLimit: 1, image: `nginx:1.2${v}` }));
      c.settle();
    }
    expect(rss(c).map(revision)).toEqual(['3', '4']);
  });

  it('Recreate creates no new pod until every old pod is gone', () => {
    const c = createCluster();
    c.apply(deployment({ strategy: 'Recreate' }));
    c.settle();
    const oldNames = new Set(c.store.list('Pod').map((p) => p.metadata.name));
    let overlap = false;
    c.store.watch((ch) => {
      if (ch.type !== 'ADDED' || ch.object.kind !== 'Pod') return;
      if (c.store.list('Pod').some((p) => oldNames.has(p.metadata.name))) overlap = true;
    });
    c.apply(deployment({ strategy: 'Recreate', image: 'nginx:1.26' }));
    c.settle();
    expect(overlap).toBe(false);
    expect(c.store.list('Pod').filter(isPodActive)).toHaveLength(3);
  });

  it('a paused Deployment does not roll out template changes, and says so', () => {
    const c = createCluster();
    c.apply(deployment());
    c.settle();
    c.apply(deployment({ paused: true, image: 'nginx:1.26' }));
    c.settle();
    expect(rss(c)).toHaveLength(1);
    expect(condition(c.store.get('Deployment', 'default', 'web')!, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused' });
    c.apply(deployment({ paused: false, image: 'nginx:1.26' }));
    c.settle();
    expect(rss(c)).toHaveLength(2);
  });

  it('a Deployment created paused makes no ReplicaSet (rollout waits for resume)', () => {
    const c = createCluster();
    c.apply(deployment({ paused: true }));
    c.settle();
    expect(rss(c)).toHaveLength(0);
  });

  it('scaling a paused Deployment still scales it', () => {
    const c = createCluster();
    c.apply(deployment());
    c.settle();
    c.apply(deployment({ paused: true }));
    c.settle();
    c.scale('Deployment', 'default', 'web', 5);
    c.settle();
    expect(c.store.list('Pod')).toHaveLength(5);
  });

  it('marks Progressing=False ProgressDeadlineExceeded when pods never become ready', () => {
    const c = createCluster({ podRules: [{ selector: { matchLabels: { app: 'web' } }, readyAfter: 1000 * 3_600_000 }] });
    c.apply(deployment({ progressDeadlineSeconds: 60 }));
    c.settle();
    const d = c.store.get('Deployment', 'default', 'web')!;
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(condition(d, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
  });

  it('counts pods available only after minReadySeconds', () => {
    const c = createCluster();
    c.apply(deployment({ minReadySeconds: 10 }));
    c.runFor(5_000);
    expect(c.store.get('Deployment', 'default', 'web')!.status.availableReplicas ?? 0).toBe(0);
    c.runFor(10_000);
    expect(c.store.get('Deployment', 'default', 'web')!.status.availableReplicas).toBe(3);
  });

  it('spreads a scale-up over both ReplicaSets during a stuck rollout (proportional scaling)', () => {
    const c = createCluster({ podRules: [{ selector: { matchLabels: { app: 'web', v: '2' } }, readyAfter: 1000 * 3_600_000 }] });
    c.apply(deployment({ replicas: 10, labels: { app: 'web' } }));
    c.settle();
    const d2 = deployment({ replicas: 10 });
    d2.spec.template.metadata.labels = { app: 'web', v: '2' };
    c.apply(d2);
    c.runFor(30_000);
    const before = rss(c).map((r) => r.spec.replicas as number);
    expect(before[0]! > 0 && before[1]! > 0).toBe(true);
    c.apply({ ...d2, spec: { ...d2.spec, replicas: 20 } });
    c.loop.runUntil(c.now());
    const after = rss(c).map((r) => r.spec.replicas as number);
    expect(after[0]!).toBeGreaterThan(before[0]!);
    expect(after[1]!).toBeGreaterThan(before[1]!);
    expect(after[0]! + after[1]!).toBe(20 + 5); // replicas + maxSurge (25% of 20)
  });
});
