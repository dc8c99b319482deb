import { describe, expect, it } from 'vitest';
import { clusterFrame } from '../../../src/tui/cluster/frame.js';
import { Replay } from '../../../src/tui/cluster/replay.js';
import { entry, node, owned, pod, record, START } from './timeline-fixtures.js';

const rolling = record(
  [
    entry(0, 'ADDED', node('node-1')),
    entry(0, 'ADDED', node('node-2')),
    entry(0, 'ADDED', owned('Deployment', 'web')),
    entry(0, 'ADDED', owned('ReplicaSet', 'web-aaaaa', ['Deployment', 'web'])),
    entry(0, 'ADDED', pod('web-aaaaa-1', { owner: ['ReplicaSet', 'web-aaaaa'] })),
    entry(1, 'MODIFIED', pod('web-aaaaa-1', { owner: ['ReplicaSet', 'web-aaaaa'], node: 'node-1' })),
    entry(2, 'MODIFIED', pod('web-aaaaa-1', { owner: ['ReplicaSet', 'web-aaaaa'], node: 'node-1', phase: 'Running', ready: true })),
    entry(5, 'MODIFIED', pod('web-aaaaa-1', { owner: ['ReplicaSet', 'web-aaaaa'], node: 'node-1', phase: 'Running', deleting: true })),
    entry(6, 'DELETED', pod('web-aaaaa-1', { owner: ['ReplicaSet', 'web-aaaaa'], node: 'node-1', deleting: true })),
  ],
  {
    events: [
      { time: START, type: 'Normal', reason: 'ScalingReplicaSet', involvedObject: { kind: 'Deployment', name: 'web' }, message: 'Scaled up replica set web-aaaaa to 1' },
      { time: START + 1000, type: 'Normal', reason: 'Scheduled', involvedObject: { kind: 'Pod', name: 'web-aaaaa-1' }, message: 'Successfully assigned default/web-aaaaa-1 to node-1' },
    ],
    steps: [{ index: 1, time: START + 4000, description: 'delete Pod web-aaaaa-1' }],
  },
);

describe('cluster frame', () => {
  it('groups changes at the same virtual time into one instant', () => {
    expect(new Replay(rolling).instants.map((i) => i.time - START)).toEqual([0, 1000, 2000, 5000, 6000]);
  });

  it('a pod created but not yet bound shows as Pending outside every node', () => {
    const f = clusterFrame(new Replay(rolling), 0);
    expect(f.unscheduled.map((p) => [p.name, p.phase, p.letter])).toEqual([['web-aaaaa-1', 'Pending', 'P']]);
    expect(f.nodes.every((n) => n.pods.length === 0)).toBe(true);
  });

  it('a pod bound to a node but not running yet shows as ContainerCreating on that node', () => {
    const f = clusterFrame(new Replay(rolling), 1);
    expect(f.nodes.find((n) => n.name === 'node-1')!.pods.map((p) => p.phase)).toEqual(['ContainerCreating']);
  });

  it('a running ready pod is R and ready; a pod with a deletion timestamp is Terminating', () => {
    const replay = new Replay(rolling);
    const running = clusterFrame(replay, 2).nodes[0]!.pods[0]!;
    expect([running.letter, running.ready]).toEqual(['R', true]);
    expect(clusterFrame(replay, 3).nodes[0]!.pods[0]!.phase).toBe('Terminating');
  });

  it('a deleted pod is gone from the picture', () => {
    const f = clusterFrame(new Replay(rolling), 4);
    expect(f.nodes.flatMap((n) => n.pods)).toEqual([]);
  });

  it('stepping backwards gives the same state as stepping forwards', () => {
    const replay = new Replay(rolling);
    const forward = [0, 1, 2, 3, 4].map((i) => clusterFrame(replay, i));
    const backward = [4, 3, 2, 1, 0].map((i) => clusterFrame(new Replay(rolling), i)).reverse();
    expect(backward).toEqual(forward);
  });

  it('shows the owner chain Deployment → ReplicaSet with pod counts by phase letter', () => {
    const f = clusterFrame(new Replay(rolling), 2);
    expect(f.owners.map((o) => [o.depth, o.kind, o.name])).toEqual([
      [0, 'Deployment', 'web'],
      [1, 'ReplicaSet', 'web-aaaaa'],
    ]);
    expect(f.owners[1]!.detail).toContain('pods R1');
  });

  it('shows the events recorded since the previous instant', () => {
    const replay = new Replay(rolling);
    expect(clusterFrame(replay, 0).events.map((e) => e.reason)).toEqual(['ScalingReplicaSet']);
    expect(clusterFrame(replay, 1).events.map((e) => e.reason)).toEqual(['Scheduled']);
  });

  it('without events, describes what changed', () => {
    expect(clusterFrame(new Replay(rolling), 4).changes).toEqual(['Pod web-aaaaa-1 deleted']);
  });

  it('names the scenario step running at the instant', () => {
    const replay = new Replay(rolling);
    expect(clusterFrame(replay, 2).step).toBeUndefined();
    expect(clusterFrame(replay, 3).step?.description).toBe('delete Pod web-aaaaa-1');
  });

  it('a waiting CrashLoopBackOff container wins over the Running phase', () => {
    const r = record([entry(0, 'ADDED', node('node-1')), entry(0, 'ADDED', pod('p', { node: 'node-1', phase: 'Running', waiting: 'CrashLoopBackOff', restarts: 3 }))]);
    const chip = clusterFrame(new Replay(r), 0).nodes[0]!.pods[0]!;
    expect([chip.phase, chip.letter, chip.restarts]).toEqual(['CrashLoopBackOff', '!', 3]);
  });

  it('lists a pod’s claims beside it with their phase', () => {
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-mongo-0', namespace: 'default' }, status: { phase: 'Bound' } };
    const r = record([entry(0, 'ADDED', node('node-1')), entry(0, 'ADDED', pvc), entry(0, 'ADDED', pod('mongo-0', { node: 'node-1', claims: ['data-mongo-0'] }))]);
    expect(clusterFrame(new Replay(r), 0).nodes[0]!.pods[0]!.claims).toEqual([{ name: 'data-mongo-0', phase: 'Bound' }]);
  });

  it('many instants replay through checkpoints to the same state as a straight replay', () => {
    const timeline = [entry(0, 'ADDED', node('node-1'))];
    for (let i = 1; i <= 100; i++) timeline.push(entry(i, 'ADDED', pod(`p-${i}`, { node: 'node-1', phase: 'Running' })));
    const replay = new Replay(record(timeline));
    clusterFrame(replay, 90);
    expect(clusterFrame(replay, 70).nodes[0]!.pods).toHaveLength(70);
    expect(clusterFrame(replay, 100).nodes[0]!.pods).toHaveLength(100);
  });

  it('a CronJob row reads its schedule in plain English, in its time zone', () => {
    const cron = (schedule: string, timeZone?: string) =>
      owned('CronJob', 'report', undefined, { spec: { schedule, ...(timeZone ? { timeZone } : {}) }, status: { active: [] } });
    const detail = (o: ReturnType<typeof owned>) => clusterFrame(new Replay(record([entry(0, 'ADDED', o)])), 0).owners.find((r) => r.kind === 'CronJob')!.detail;
    expect(detail(cron('0 2 * * 0'))).toBe('schedule 0 2 * * 0 (At 02:00, only on Sunday (UTC))  active 0');
    expect(detail(cron('*/5 * * * *', 'Europe/Paris'))).toBe('schedule */5 * * * * (Every 5 minutes (Europe/Paris))  active 0');
  });
});
