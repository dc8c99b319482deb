// The kubelet ending pods: a pod's own activeDeadlineSeconds (pkg/kubelet/active_deadline.go) and the
// terminal phase a deleted pod reaches before it goes (kubelet_pods.go getPhase, podIsTerminal).
import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../src/runtime/index.js';
import type { KubeObject } from '../../../src/runtime/index.js';
import { drain } from '../../../src/runtime/scenario/node-ops.js';

function pod(spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], ...spec } };
}

function job(name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'busybox:1.36', command: ['sleep', '100'] }] } } },
  };
}

describe('kubelet: activeDeadlineSeconds of a pod', () => {
  it('fails the pod with reason DeadlineExceeded once the deadline passes', () => {
    const c = createCluster({ nodes: 1 });
    c.create(pod({ activeDeadlineSeconds: 30 }));
    c.runFor(29_000);
    expect(c.store.get('Pod', 'default', 'p')?.status?.phase).toBe('Running');
    c.runFor(2_000);
    const p = c.store.get('Pod', 'default', 'p')!;
    expect(p.status?.phase).toBe('Failed');
    expect(p.status?.reason).toBe('DeadlineExceeded');
    expect(p.status?.message).toBe('Pod was active on the node longer than the specified deadline');
    expect(c.events.some((e) => e.reason === 'DeadlineExceeded' && e.involvedObject.name === 'p')).toBe(true);
  });

  it('a pod that finished before its deadline is left alone and the timer does not hold the clock', () => {
    const c = createCluster({ nodes: 1 });
    c.create(pod({ activeDeadlineSeconds: 600, restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '5'] }] }));
    expect(c.settle()).toBe(true);
    expect(c.store.get('Pod', 'default', 'p')?.status?.phase).toBe('Succeeded');
    expect(c.now()).toBeLessThan(Date.UTC(2030, 0, 1) + 60_000);
  });
});

describe('kubelet: a deleted pod reaches a terminal phase before it goes', () => {
  it('a running pod turns Failed, then is removed', () => {
    const c = createCluster({ nodes: 1 });
    c.create(pod());
    c.runFor(5_000);
    c.delete('Pod', 'default', 'p');
    c.settle();
    const versions = c.timeline.entries.filter((e) => e.object.kind === 'Pod').map((e) => `${e.type}:${e.object.status?.phase}`);
    expect(versions.at(-2)).toBe('MODIFIED:Failed');
    expect(versions.at(-1)).toBe('DELETED:Failed');
  });

  it('a Job with a podFailurePolicy counts a user-deleted running pod as failed', () => {
    const c = createCluster({ nodes: 1 });
    c.apply(job('w', { backoffLimit: 3, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } }));
    c.runFor(5_000);
    const [first] = c.store.list('Pod', 'default');
    c.delete('Pod', 'default', first!.metadata.name);
    c.runFor(60_000);
    expect(c.store.get('Job', 'default', 'w')?.status?.failed).toBe(1);
    expect(c.store.get('Pod', 'default', first!.metadata.name)).toBeUndefined();
  });

  it('podFailurePolicy Ignore on DisruptionTarget: a drained Job pod does not count', () => {
    const c = createCluster({ nodes: 2 });
    c.apply(job('w', { backoffLimit: 0, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } }));
    c.runFor(5_000);
    const [first] = c.store.list('Pod', 'default');
    drain(c, first!.spec!.nodeName!);
    c.runFor(60_000);
    const j = c.store.get('Job', 'default', 'w')!;
    expect(j.status?.failed ?? 0).toBe(0);
    expect((j.status?.conditions ?? []).some((x: { type: string }) => x.type === 'Failed')).toBe(false);
    expect(c.store.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
  });
});
