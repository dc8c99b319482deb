import { describe, expect, it } from 'vitest';
import { computeStatus, statusChanged } from '../../../../src/runtime/controllers/statefulset/status.js';
import { pod, set, T0 } from './fixtures.js';

describe('StatefulSet status', () => {
  it('counts replicas, ready, current and updated pods', () => {
    const s = computeStatus({
      set: set(),
      pods: [pod(0), pod(1, 'Running', 'rev2'), pod(2, 'Terminating')],
      currentRevision: 'rev1',
      updateRevision: 'rev2',
      collisionCount: 0,
      now: T0,
    });
    expect(s).toMatchObject({ replicas: 3, readyReplicas: 2, availableReplicas: 2, currentReplicas: 1, updatedReplicas: 1, currentRevision: 'rev1', updateRevision: 'rev2' });
  });

  it('completes the rolling update when every pod is updated and ready', () => {
    const s = computeStatus({
      set: set(),
      pods: [pod(0, 'Ready', 'rev2'), pod(1, 'Ready', 'rev2'), pod(2, 'Ready', 'rev2')],
      currentRevision: 'rev1',
      updateRevision: 'rev2',
      collisionCount: 0,
      now: T0,
    });
    expect(s).toMatchObject({ currentRevision: 'rev2', currentReplicas: 3, updatedReplicas: 3 });
  });

  it('counts availableReplicas only after minReadySeconds', () => {
    const base = { set: set({ minReadySeconds: 30 }), pods: [pod(0)], currentRevision: 'rev1', updateRevision: 'rev1', collisionCount: 0 };
    expect(computeStatus({ ...base, now: T0 + 10_000 }).availableReplicas).toBe(0);
    expect(computeStatus({ ...base, now: T0 + 30_000 }).availableReplicas).toBe(1);
  });

  it('is written only when something changed', () => {
    const s = computeStatus({ set: set(), pods: [pod(0)], currentRevision: 'r', updateRevision: 'r', collisionCount: 0, now: T0 });
    expect(statusChanged(undefined, s)).toBe(true);
    expect(statusChanged(s, s)).toBe(false);
    expect(statusChanged(s, { ...s, readyReplicas: 0 })).toBe(true);
  });
});
