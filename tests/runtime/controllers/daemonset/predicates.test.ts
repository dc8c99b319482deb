import { describe, expect, it } from 'vitest';
import { nodeShouldRunDaemonPod } from '../../../../src/runtime/controllers/daemonset/predicates.js';
import { withDaemonTolerations } from '../../../../src/runtime/controllers/daemonset/tolerations.js';
import { ds, node } from './fixtures.js';

const controlPlane = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('automatic daemon tolerations', () => {
  it('adds not-ready/unreachable NoExecute without tolerationSeconds and the pressure/unschedulable NoSchedule ones', () => {
    const t = withDaemonTolerations({ containers: [] }).tolerations!;
    expect(t.map((x) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(t.every((x) => x.tolerationSeconds === undefined)).toBe(true);
  });

  it('adds network-unavailable only for hostNetwork pods', () => {
    expect(withDaemonTolerations({ containers: [], hostNetwork: true }).tolerations!.at(-1)!.key).toBe('node.kubernetes.io/network-unavailable');
  });

  it('replaces a same toleration the user gave a tolerationSeconds', () => {
    const t = withDaemonTolerations({
      containers: [],
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
    }).tolerations!;
    expect(t.filter((x) => x.key === 'node.kubernetes.io/not-ready')).toEqual([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }]);
  });
});

describe('which nodes run a daemon pod', () => {
  it('every plain node', () => {
    expect(nodeShouldRunDaemonPod(node('n1'), ds())).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });

  it('only nodes matching the nodeSelector', () => {
    const d = ds({}, { nodeSelector: { disktype: 'ssd' } });
    expect(nodeShouldRunDaemonPod(node('n1', { disktype: 'ssd' }), d).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(node('n2'), d)).toEqual({ shouldRun: false, shouldContinueRunning: false });
  });

  it('only nodes matching required node affinity', () => {
    const d = ds({}, {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } },
    });
    expect(nodeShouldRunDaemonPod(node('n1', { zone: 'b' }), d).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(node('n1', { zone: 'c' }), d).shouldRun).toBe(false);
  });

  it('not a control-plane node without a toleration', () => {
    expect(nodeShouldRunDaemonPod(node('cp', {}, [controlPlane]), ds())).toEqual({ shouldRun: false, shouldContinueRunning: true });
  });

  it('a control-plane node with a matching toleration', () => {
    const d = ds({}, { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(nodeShouldRunDaemonPod(node('cp', {}, [controlPlane]), d).shouldRun).toBe(true);
  });

  it('a cordoned node: the unschedulable taint is tolerated automatically', () => {
    const n = node('n1', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
    expect(nodeShouldRunDaemonPod(n, ds()).shouldRun).toBe(true);
  });

  it('a NoExecute taint evicts, a NoSchedule one only stops new pods', () => {
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'x', effect: 'NoExecute' }]), ds())).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'x', effect: 'NoSchedule' }]), ds())).toEqual({ shouldRun: false, shouldContinueRunning: true });
  });

  it('an unreachable node keeps its daemon pod but gets no new one', () => {
    const n = node('n1', {}, [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
    expect(nodeShouldRunDaemonPod(n, ds())).toEqual({ shouldRun: false, shouldContinueRunning: true });
  });

  it('a template nodeName pins the pod to that node', () => {
    const d = ds({}, { nodeName: 'n2' });
    expect(nodeShouldRunDaemonPod(node('n1'), d).shouldRun).toBe(false);
    expect(nodeShouldRunDaemonPod(node('n2'), d).shouldRun).toBe(true);
  });
});
