import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../src/runtime/index.js';
import type { Cluster } from '../../../src/runtime/index.js';
import { backoffDelay } from '../../../src/runtime/kubelet/index.js';
import { commandBehaviour } from '../../../src/runtime/kubelet/rules.js';
import { pod } from '../helpers.js';

const get = (c: Cluster, name: string) => c.store.get('Pod', 'default', name)!;
const reasons = (c: Cluster, name: string) => c.events.filter((e) => e.involvedObject.name === name).map((e) => e.reason);

describe('kubelet', () => {
  it('gives every pod its own IP, a host address (.1–.254), past the first 254 pods', () => {
    const c = createCluster({ nodes: [{ name: 'big', capacity: { cpu: '64', memory: '256Gi', pods: '600' } }] });
    for (let i = 0; i < 520; i++) c.apply(pod(`p${i}`, { app: 'p' }));
    c.loop.runUntil(c.now());
    const ips = c.store.list('Pod').map((p) => p.status.podIP as string);
    expect(new Set(ips).size).toBe(520);
    for (const ip of ips) {
      const m = /^10\.244\.(\d+)\.(\d+)$/.exec(ip);
      expect(m, ip).not.toBeNull();
      expect(Number(m![2])).toBeGreaterThanOrEqual(1);
      expect(Number(m![2])).toBeLessThanOrEqual(254);
    }
  });

  it('a scheduled pod is Pending with ContainerCreating, then Running and Ready 1s later', () => {
    const c = createCluster();
    c.apply(pod('p', { app: 'p' }));
    c.loop.runUntil(c.now());
    expect(get(c, 'p').status.phase).toBe('Pending');
    expect(get(c, 'p').status.containerStatuses[0].state.waiting.reason).toBe('ContainerCreating');
    c.runFor(1000);
    const p = get(c, 'p');
    expect(p.status.phase).toBe('Running');
    expect(p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
    expect(reasons(c, 'p')).toEqual(['Scheduled', 'Pulled', 'Created', 'Started']);
  });

  it('a restartPolicy Never pod that exits 0 Succeeds; one that exits 1 Fails', () => {
    const c = createCluster();
    c.apply(pod('ok', { app: 'ok' }, { restartPolicy: 'Never', containers: [{ name: 'a', image: 'busybox', command: ['sleep', '3'] }] }));
    c.apply(pod('bad', { app: 'bad' }, { restartPolicy: 'Never', containers: [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'sleep 2; exit 3'] }] }));
    c.settle();
    expect(get(c, 'ok').status.phase).toBe('Succeeded');
    expect(get(c, 'bad').status.phase).toBe('Failed');
    expect(get(c, 'bad').status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  it('restartPolicy Always restarts a crashing container with CrashLoopBackOff and growing restartCount', () => {
    const c = createCluster();
    c.apply(pod('crash', { app: 'crash' }, { containers: [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] }));
    c.runFor(1000 + 1000 + 1); // start, run 1s, crash
    expect(get(c, 'crash').status.containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    expect(reasons(c, 'crash')).toContain('BackOff');
    c.runFor(60_000);
    expect(get(c, 'crash').status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(2);
    expect(get(c, 'crash').status.phase).toBe('Running');
  });

  it('back-off doubles from 10s and is capped at 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(backoffDelay)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('restartPolicy OnFailure restarts after a failure and then completes', () => {
    const c = createCluster({ podRules: [{ selector: { matchLabels: { app: 'flaky' } }, runFor: 2000, failTimes: 1 }] });
    c.apply(pod('flaky', { app: 'flaky' }, { restartPolicy: 'OnFailure' }));
    c.settle();
    const p = get(c, 'flaky');
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.containerStatuses[0].restartCount).toBe(1);
  });

  it('readiness waits for the readinessProbe initialDelaySeconds', () => {
    const c = createCluster();
    c.apply(pod('r', { app: 'r' }, { containers: [{ name: 'a', image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } }] }));
    c.runFor(3000);
    expect(get(c, 'r').status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('False');
    c.runFor(5000);
    expect(get(c, 'r').status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
  });

  it('graceful deletion: Terminating with Killing, gone after the stop time', () => {
    const c = createCluster({ podRules: [{ selector: { matchLabels: { app: 'slow' } }, stopTime: 20_000 }] });
    c.apply(pod('slow', { app: 'slow' }));
    c.settle();
    c.delete('Pod', 'default', 'slow');
    expect(get(c, 'slow').metadata.deletionTimestamp).toBeDefined();
    c.runFor(10_000);
    expect(get(c, 'slow')).toBeDefined();
    expect(reasons(c, 'slow')).toContain('Killing');
    c.runFor(10_000);
    expect(c.store.get('Pod', 'default', 'slow')).toBeUndefined();
  });

  it('the stop time never exceeds terminationGracePeriodSeconds', () => {
    const c = createCluster({ podRules: [{ selector: { matchLabels: { app: 'g' } }, stopTime: 60_000 }] });
    c.apply(pod('g', { app: 'g' }, { terminationGracePeriodSeconds: 5 }));
    c.settle();
    c.delete('Pod', 'default', 'g');
    c.runFor(5_000);
    expect(c.store.get('Pod', 'default', 'g')).toBeUndefined();
  });

  it('killPod crashes the container; restartPolicy Always restarts it', () => {
    const c = createCluster();
    c.apply(pod('k', { app: 'k' }));
    c.settle();
    expect(c.killPod('default', 'k')).toBe(true);
    c.settle(60_000);
    expect(get(c, 'k').status.containerStatuses[0].restartCount).toBe(1);
    expect(get(c, 'k').status.containerStatuses[0].lastState.terminated.exitCode).toBe(1);
  });

  it.each([
    [{ command: ['sleep', '30'] }, { runFor: 30_000, exitCode: 0 }],
    [{ command: ['sh', '-c', 'sleep 5; exit 2'] }, { runFor: 5_000, exitCode: 2 }],
    [{ command: ['/bin/sh', '-c'], args: ['exit 1'] }, { runFor: 1_000, exitCode: 1 }],
    [{ command: ['sleep', 'infinity'] }, { exitCode: 0 }],
    [{ command: ['nginx', '-g', 'daemon off;'] }, undefined],
  ])('reads the command %j', (container, want) => {
    expect(commandBehaviour(container)).toEqual(want);
  });
});
