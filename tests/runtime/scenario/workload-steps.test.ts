import { describe, expect, it } from 'vitest';
import { parseScenarioText, simulate, type KubeObject } from '../../../src/runtime/index.js';

function parse(yaml: string) {
  return parseScenarioText(yaml, 's.yaml');
}

const daemonSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: { metadata: { labels: { app: 'agent' } }, spec: { nodeSelector: { disktype: 'ssd' }, containers: [{ name: 'a', image: 'agent:1' }] } },
  },
};

const statefulSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    serviceName: 'web',
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
};

describe('node and storage scenario steps', () => {
  it('parse and describe each step', () => {
    const r = parse(`steps:
  - relabelNode: {name: node-1, labels: {disktype: ssd, zone: null}}
  - taintNode: {name: node-2, key: dedicated, value: db, effect: NoSchedule}
  - untaintNode: {name: node-2, key: dedicated}
  - cordon: node-1
  - uncordon: {name: node-1}
  - drain: node-3
  - failNode: {name: node-2, after: 1m}
  - recoverNode: node-2
  - deletePVC: data-web-0
`);
    expect(r.problems).toEqual([]);
    expect(r.scenario!.steps.map((s) => s.description)).toEqual([
      'label Node/node-1 disktype=ssd zone-',
      'taint Node/node-2 dedicated=db:NoSchedule',
      'untaint Node/node-2 dedicated-',
      'cordon Node/node-1',
      'uncordon Node/node-1',
      'drain Node/node-3',
      'fail Node/node-2 (NotReady after 1m)',
      'recover Node/node-2',
      'delete PersistentVolumeClaim/data-web-0',
    ]);
  });

  it('reports a bad taint effect and a missing key where they are', () => {
    const r = parse('steps:\n  - taintNode: {name: node-2, effect: NoScheduled}\n');
    const messages = r.problems.map((p) => `${p.line}:${p.path}: ${p.message}`);
    expect(messages).toContain("2:steps[0].taintNode.key: taint key is required");
    expect(messages).toContainEqual(expect.stringMatching(/^2:.*effect: taint effect must be NoSchedule, PreferNoSchedule, NoExecute, not "NoScheduled"/));
  });

  it('rejects a non-string label value with a hint to quote it', () => {
    const r = parse('steps:\n  - relabelNode: {name: node-1, labels: {gpu: 2}}\n');
    expect(r.problems[0]?.message).toMatch(/label "gpu" must be a string \(quote numbers\), or null to remove it/);
  });

  it('relabelNode moves a DaemonSet onto the node', () => {
    const r = simulate({ manifests: [daemonSet], scenario: parse('steps:\n  - wait: 5s\n  - relabelNode: {name: node-2, labels: {disktype: ssd}}\n').scenario! });
    const pods = r.items.filter((o) => o.kind === 'Pod');
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['node-2']);
  });

  it('a step on a missing node is a warning, not a failure', () => {
    const r = simulate({ manifests: [], scenario: parse('steps:\n  - cordon: node-9\n').scenario! });
    expect(r.warnings).toEqual(['nodes "node-9" not found']);
  });

  it('drain moves a StatefulSet pod to another node with the same claim', () => {
    const r = simulate({ manifests: [statefulSet], scenario: parse('steps:\n  - wait: 10s\n  - drain: node-1\n  - wait: 30s\n').scenario! });
    const pods = r.items.filter((o) => o.kind === 'Pod');
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1']);
    expect(pods.every((p) => p.spec.nodeName !== 'node-1')).toBe(true);
    const claims = r.timeline.filter((e) => e.object.kind === 'PersistentVolumeClaim' && e.type === 'ADDED');
    expect(claims.map((e) => e.object.metadata.name)).toEqual(['data-web-0', 'data-web-1']);
  });
});
