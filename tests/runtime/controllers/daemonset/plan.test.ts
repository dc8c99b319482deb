import { describe, expect, it } from 'vitest';
import { planManage, planRollingUpdate, scaledValue, targetNodeName } from '../../../../src/runtime/controllers/daemonset/plan.js';
import { computeDaemonStatus } from '../../../../src/runtime/controllers/daemonset/status.js';
import { ds, dpod, node, T0 } from './fixtures.js';

const names = (pods: { metadata?: { name?: string } }[]) => pods.map((p) => p.metadata?.name);

describe('DaemonSet manage', () => {
  it('creates a pod on every eligible node without one', () => {
    const nodes = [node('n1'), node('n2', { role: 'x' }), node('n3')];
    const p = planManage({ ds: ds(), nodes, pods: [dpod('n2')], hash: 'h1', now: T0 });
    expect(p.createOn).toEqual(['n1', 'n3']);
    expect(p.deletePods).toEqual([]);
  });

  it('deletes pods from nodes that stopped qualifying', () => {
    const d = ds({}, { nodeSelector: { disktype: 'ssd' } });
    const gone = dpod('n2');
    const p = planManage({ ds: d, nodes: [node('n1', { disktype: 'ssd' }), node('n2')], pods: [dpod('n1'), gone], hash: 'h1', now: T0 });
    expect(p.deletePods).toEqual([gone]);
  });

  it('keeps only the oldest pod when a node has two', () => {
    const older = dpod('n1', 'h1', 'Ready', T0);
    const newer = dpod('n1', 'h1', 'Ready', T0 + 1000);
    const p = planManage({ ds: ds(), nodes: [node('n1')], pods: [newer, older], hash: 'h1', now: T0 });
    expect(p.deletePods).toEqual([newer]);
  });

  it('deletes a failed daemon pod with a FailedDaemonPod warning', () => {
    const failed = dpod('n1', 'h1', 'Failed');
    const p = planManage({ ds: ds(), nodes: [node('n1')], pods: [failed], hash: 'h1', now: T0 });
    expect(p.deletePods).toEqual([failed]);
    expect(p.events[0]).toMatchObject({ type: 'Warning', reason: 'FailedDaemonPod' });
  });

  it('creates at most 250 pods per sync', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => node(`n${i}`));
    expect(planManage({ ds: ds(), nodes, pods: [], hash: 'h1', now: T0 }).createOn).toHaveLength(250);
  });

  it('deletes unscheduled pods aimed at a node that no longer exists', () => {
    const orphan = dpod('gone');
    orphan.spec = { containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gone'] }] }] } } } };
    expect(targetNodeName(orphan)).toBe('gone');
    expect(planManage({ ds: ds(), nodes: [], pods: [orphan], hash: 'h1', now: T0 }).deletePods).toEqual([orphan]);
  });
});

describe('DaemonSet rolling update', () => {
  const nodes = [node('n1'), node('n2'), node('n3')];

  it('deletes maxUnavailable old pods at a time', () => {
    const pods = [dpod('n1'), dpod('n2'), dpod('n3')];
    const p = planRollingUpdate({ ds: ds(), nodes, pods, hash: 'h2', now: T0 });
    expect(names(p.deletePods)).toEqual([pods[0]!.metadata!.name]);
  });

  it('waits while an updated pod is not yet available', () => {
    const pods = [dpod('n1', 'h2', 'Running'), dpod('n2'), dpod('n3')];
    expect(planRollingUpdate({ ds: ds(), nodes, pods, hash: 'h2', now: T0 }).deletePods).toEqual([]);
  });

  it('replaces an unavailable old pod regardless of the limit', () => {
    const pods = [dpod('n1', 'h2', 'Running'), dpod('n2', 'h1', 'Running'), dpod('n3')];
    expect(names(planRollingUpdate({ ds: ds(), nodes, pods, hash: 'h2', now: T0 }).deletePods)).toEqual([pods[1]!.metadata!.name]);
  });

  it('honours a percentage maxUnavailable rounded up', () => {
    const d = ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%', maxSurge: 0 } } });
    const pods = [dpod('n1'), dpod('n2'), dpod('n3')];
    expect(planRollingUpdate({ ds: d, nodes, pods, hash: 'h2', now: T0 }).deletePods).toHaveLength(2);
  });

  it('with maxSurge creates new pods beside the old ones', () => {
    const d = ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } });
    const pods = [dpod('n1'), dpod('n2'), dpod('n3')];
    const p = planRollingUpdate({ ds: d, nodes, pods, hash: 'h2', now: T0 });
    expect(p.createOn).toEqual(['n1']);
    expect(p.deletePods).toEqual([]);
  });

  it('with maxSurge deletes the old pod once the new one is available', () => {
    const d = ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } });
    const old = dpod('n1');
    const pods = [old, dpod('n1', 'h2', 'Ready'), dpod('n2'), dpod('n3')];
    const p = planRollingUpdate({ ds: d, nodes, pods, hash: 'h2', now: T0 });
    expect(p.deletePods).toEqual([old]);
    expect(p.createOn).toEqual(['n2']);
  });

  it('scales percentages up', () => {
    expect(scaledValue('25%', 5)).toBe(2);
    expect(scaledValue(3, 5)).toBe(3);
  });
});

describe('DaemonSet status', () => {
  it('counts desired, current, ready, updated, available and misscheduled', () => {
    const d = ds({}, { nodeSelector: { run: 'yes' } });
    const nodes = [node('n1', { run: 'yes' }), node('n2', { run: 'yes' }), node('n3', { run: 'yes' }), node('n4')];
    const pods = [dpod('n1', 'h2'), dpod('n2', 'h1', 'Running'), dpod('n4')];
    expect(computeDaemonStatus(d, nodes, pods, 'h2', T0).status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 2,
      numberReady: 1,
      updatedNumberScheduled: 1,
      numberAvailable: 1,
      numberUnavailable: 2,
      numberMisscheduled: 1,
    });
  });
});
