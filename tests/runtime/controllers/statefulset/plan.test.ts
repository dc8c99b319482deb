import { describe, expect, it } from 'vitest';
import { planStatefulSet, revisionForNewPod, type Step } from '../../../../src/runtime/controllers/statefulset/plan.js';
import { pod, set, T0 } from './fixtures.js';

function describeSteps(steps: Step[]): string[] {
  return steps.map((s) =>
    s.op === 'create' ? `create ${s.ordinal}@${s.revision}` : s.op === 'delete' ? `delete ${s.pod.metadata?.name} (${s.reason})` : `${s.op} ${s.pod.metadata?.name}`,
  );
}

function plan(s = set(), pods = [pod(0)], current = 'rev1', update = 'rev1', now = T0) {
  return planStatefulSet({ set: s, pods, currentRevision: current, updateRevision: update, now });
}

describe('StatefulSet plan: OrderedReady scale up', () => {
  it('creates ordinal 0 first when there are no pods', () => {
    expect(describeSteps(plan(set(), []).steps)).toEqual(['create 0@rev1']);
  });

  it('creates the next ordinal only once every lower one is Running and Ready', () => {
    expect(describeSteps(plan(set(), [pod(0), pod(1)]).steps)).toEqual(['create 2@rev1']);
  });

  it('waits while a lower ordinal is not Ready', () => {
    const p = plan(set(), [pod(0, 'Running')]);
    expect(p.steps).toEqual([]);
    expect(p.blockedOn).toEqual({ pod: 'web-0', waitingFor: 'Running and Ready' });
  });

  it('waits while a lower ordinal is Pending', () => {
    const p = plan(set(), [pod(0, 'Pending')]);
    expect(describeSteps(p.steps)).toEqual(['ensureClaims web-0']);
    expect(p.blockedOn?.waitingFor).toBe('Running and Ready');
  });

  it('recreates a missing lower ordinal before anything else', () => {
    expect(describeSteps(plan(set(), [pod(1), pod(2)]).steps)).toEqual(['create 0@rev1']);
  });

  it('waits for minReadySeconds and asks to be woken when the pod becomes available', () => {
    const p = plan(set({ minReadySeconds: 10 }), [pod(0, 'Ready', 'rev1', T0)], 'rev1', 'rev1', T0 + 4000);
    expect(p.steps).toEqual([]);
    expect(p.blockedOn).toEqual({ pod: 'web-0', waitingFor: 'Available' });
    expect(p.requeueAfterMs).toBe(6000);
  });
});

describe('StatefulSet plan: Parallel', () => {
  it('creates every missing pod in one pass', () => {
    const s = set({ podManagementPolicy: 'Parallel', replicas: 4 });
    expect(describeSteps(plan(s, [pod(1, 'Pending')]).steps)).toEqual(['create 0@rev1', 'ensureClaims web-1', 'create 2@rev1', 'create 3@rev1']);
  });

  it('deletes every condemned pod at once on scale down', () => {
    const s = set({ podManagementPolicy: 'Parallel', replicas: 1 });
    expect(describeSteps(plan(s, [pod(0), pod(1, 'Running'), pod(2)]).steps)).toEqual([
      'delete web-2 (scaleDown)',
      'delete web-1 (scaleDown)',
    ]);
  });
});

describe('StatefulSet plan: OrderedReady scale down', () => {
  it('deletes the highest ordinal first, one at a time', () => {
    const s = set({ replicas: 1 });
    expect(describeSteps(plan(s, [pod(0), pod(1), pod(2)]).steps)).toEqual(['delete web-2 (scaleDown)']);
  });

  it('waits for a terminating condemned pod to be gone', () => {
    const s = set({ replicas: 1 });
    const p = plan(s, [pod(0), pod(1), pod(2, 'Terminating')]);
    expect(p.steps).toEqual([]);
    expect(p.blockedOn).toEqual({ pod: 'web-2', waitingFor: 'Terminate' });
  });

  it('does not delete an unhealthy condemned pod while a lower one is also unhealthy', () => {
    const s = set({ replicas: 1 });
    const p = plan(s, [pod(0), pod(1, 'Running'), pod(2, 'Running')]);
    expect(p.steps).toEqual([]);
    expect(p.blockedOn).toEqual({ pod: 'web-1', waitingFor: 'Running and Ready' });
    expect(describeSteps(plan(s, [pod(0), pod(1), pod(2, 'Running')]).steps)).toEqual(['delete web-2 (scaleDown)']);
  });
});

describe('StatefulSet plan: failed pods', () => {
  it('deletes a Failed pod so it is recreated with the same name', () => {
    expect(describeSteps(plan(set(), [pod(0), pod(1, 'Failed')]).steps)).toEqual(['delete web-1 (failed)']);
  });

  it('also recreates a Succeeded pod', () => {
    expect(describeSteps(plan(set(), [pod(0, 'Succeeded')]).steps)).toEqual(['delete web-0 (failed)']);
  });
});

describe('StatefulSet plan: RollingUpdate', () => {
  const three = [pod(0), pod(1), pod(2)];

  it('deletes the highest ordinal not on the update revision', () => {
    expect(describeSteps(plan(set(), three, 'rev1', 'rev2').steps)).toEqual(['delete web-2 (update)']);
  });

  it('waits for the updated pod to be Ready before the next', () => {
    const pods = [pod(0), pod(1), pod(2, 'Running', 'rev2')];
    const p = plan(set(), pods, 'rev1', 'rev2');
    expect(p.steps).toEqual([]);
    expect(p.blockedOn?.pod).toBe('web-2');
  });

  it('moves on to the next lower ordinal once the higher one is updated and Ready', () => {
    const pods = [pod(0), pod(1), pod(2, 'Ready', 'rev2')];
    expect(describeSteps(plan(set(), pods, 'rev1', 'rev2').steps)).toEqual(['delete web-1 (update)']);
  });

  it('leaves ordinals below the partition on the old revision', () => {
    const s = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    const pods = [pod(0), pod(1), pod(2, 'Ready', 'rev2')];
    expect(plan(s, pods, 'rev1', 'rev2').steps).toEqual([]);
  });

  it('with OnDelete never deletes for an update', () => {
    const s = set({ updateStrategy: { type: 'OnDelete' } });
    expect(plan(s, three, 'rev1', 'rev2').steps).toEqual([]);
  });

  it('scaling takes precedence over updating', () => {
    const s = set({ replicas: 2 });
    expect(describeSteps(plan(s, three, 'rev1', 'rev2').steps)).toEqual(['delete web-2 (scaleDown)']);
  });
});

describe('revision of a new pod', () => {
  it('is the current revision below the partition and the update revision from it', () => {
    const s = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    expect([0, 1, 2, 3].map((o) => revisionForNewPod(s, o, 'old', 'new'))).toEqual(['old', 'old', 'new', 'new']);
  });

  it('is the update revision under OnDelete', () => {
    const s = set({ updateStrategy: { type: 'OnDelete' } });
    expect(revisionForNewPod(s, 0, 'old', 'new')).toBe('new');
  });
});

describe('StatefulSet plan: identity and claims', () => {
  it('repairs a pod whose pod-name label was removed', () => {
    const p0 = pod(0);
    delete p0.metadata!.labels!['statefulset.kubernetes.io/pod-name'];
    expect(describeSteps(plan(set(), [p0]).steps)).toEqual(['repair web-0', 'create 1@rev1']);
  });

  it('waits rather than reuse a claim still owned by a previous pod', () => {
    const p = planStatefulSet({
      set: set(),
      pods: [pod(0)],
      currentRevision: 'rev1',
      updateRevision: 'rev1',
      now: T0,
      claimIsStale: (o) => o === 1,
    });
    expect(p.steps).toEqual([]);
    expect(p.blockedOn).toEqual({ pod: 'web-1', waitingFor: 'claim cleanup' });
  });

  it('fixes claim owners of condemned pods before deleting them', () => {
    const p = planStatefulSet({
      set: set({ replicas: 1 }),
      pods: [pod(0), pod(1)],
      currentRevision: 'rev1',
      updateRevision: 'rev1',
      now: T0,
      claimsMatchPolicy: (p) => p.metadata?.name !== 'web-1',
    });
    expect(describeSteps(p.steps)).toEqual(['fixClaimOwners web-1', 'delete web-1 (scaleDown)']);
  });
});
