import { describe, it, expect } from 'vitest';
import { simulate, parseScenarioText } from '../../../src/runtime/index.js';
import { deployment } from '../helpers.js';

const scenario = (yaml: string) => {
  const r = parseScenarioText(yaml, 's.yaml');
  expect(r.problems).toEqual([]);
  return r.scenario!;
};

describe('simulate engine', () => {
  it('records when each step started and tags timeline entries with the step', () => {
    const r = simulate({ manifests: [deployment()], scenario: scenario('steps:\n  - wait: 10s\n  - scale: {kind: Deployment, name: web, replicas: 1}\n') });
    expect(r.steps).toEqual([
      { index: 0, time: r.start, description: 'wait 10s' },
      { index: 1, time: r.start + 10_000, description: 'scale Deployment/web to 1' },
    ]);
    expect(r.timeline.some((e) => e.step === 1 && e.object.kind === 'Pod' && e.object.metadata.deletionTimestamp)).toBe(true);
  });

  it('settle: false stops right after the last step', () => {
    const r = simulate({ manifests: [deployment()], scenario: scenario('settle: false\nsteps:\n  - wait: 500ms\n') });
    expect(r.clock).toBe('2030-01-01T00:00:00.5Z');
    expect(r.items.filter((o) => o.kind === 'Pod').every((p) => p.status.phase === 'Pending')).toBe(true);
  });

  it('settling stops after 1 hour of virtual time when something never settles', () => {
    const r = simulate({
      manifests: [deployment({ replicas: 1 })],
      scenario: scenario('pods:\n  - selector: {matchLabels: {app: web}}\n    runFor: 1s\n    exitCode: 1\n'),
    });
    expect(r.settled).toBe(false);
    expect(r.end - r.start).toBe(3_600_000);
  });

  it('a step that cannot act is a warning, and the run goes on', () => {
    const r = simulate({ manifests: [], scenario: scenario('steps:\n  - scale: {kind: Deployment, name: ghost, replicas: 2}\n') });
    expect(r.warnings).toEqual(['deployments "ghost" not found']);
  });

  it('items are ordered by kind (Node, Pod, ReplicaSet, Deployment…), namespace and name', () => {
    const r = simulate({ manifests: [deployment({ replicas: 2 })] });
    const kinds = r.items.map((o) => o.kind);
    expect(kinds.indexOf('Node')).toBeLessThan(kinds.indexOf('Pod'));
    expect(kinds.lastIndexOf('Pod')).toBeLessThan(kinds.indexOf('ReplicaSet'));
    expect(kinds.indexOf('ReplicaSet')).toBeLessThan(kinds.indexOf('Deployment'));
  });

  it('rollback returns to the previous template and pause holds a rollout', () => {
    const files = { 'v2.yaml': [deployment({ image: 'nginx:1.26' })] };
    const r = simulate({
      manifests: [deployment()],
      scenario: scenario('steps:\n  - apply: v2.yaml\n  - wait: 30s\n  - rollback: web\n'),
      readManifest: (f) => files[f as keyof typeof files],
    });
    const pods = r.items.filter((o) => o.kind === 'Pod');
    expect(pods.every((p) => p.spec.containers[0].image === 'nginx:1.25')).toBe(true);
  });
});
