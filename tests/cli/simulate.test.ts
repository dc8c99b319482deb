// The `simulate` command against docs/simulate-contract.md, through the built CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CLI = resolve('dist/bin/k8s-workloads-course.cjs');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'simulate-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const WEB = (image = 'nginx:1.25', replicas = 3) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: nginx
          image: ${image}
          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
          readinessProbe: {httpGet: {path: /, port: 80}}
`;

function sim(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'simulate', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('simulate', () => {
  it('prints kubectl-style tables by default and exits 0', () => {
    writeFileSync(join(dir, 'web.yaml'), WEB());
    const r = sim(['web.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+NODE/);
    expect(r.stdout).toMatch(/deployment\.apps\/web\s+3\/3\s+3\s+3/);
    expect(r.stdout.match(/^pod\/web-\S+\s+1\/1\s+Running\s+0/gm)).toHaveLength(3);
  });

  it('-o json prints {clock, items, events} with RFC3339 times', () => {
    writeFileSync(join(dir, 'web.yaml'), WEB());
    const r = sim(['web.yaml', '-o', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['clock', 'items', 'events']);
    expect(doc.clock).toMatch(/^2030-01-01T00:00:\d\d(\.\d+)?Z$/);
    const d = doc.items.find((o: { kind: string }) => o.kind === 'Deployment');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const pod = doc.items.find((o: { kind: string }) => o.kind === 'Pod');
    expect(pod.metadata.ownerReferences[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'ReplicaSet', controller: true });
    expect(doc.events[0]).toEqual({ time: '2030-01-01T00:00:00Z', type: 'Normal', reason: 'ScalingReplicaSet', involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default' }, message: expect.stringMatching(/^Scaled up replica set web-\S+ from 0 to 3$/) });
  });

  it('-o events prints one line per event with a virtual offset', () => {
    writeFileSync(join(dir, 'web.yaml'), WEB());
    const lines = sim(['web.yaml', '-o', 'events']).stdout.trim().split('\n');
    expect(lines.filter((l) => /^\+0s {2}Normal {2}SuccessfulCreate {2}ReplicaSet\/web-\S+ {2}Created pod: web-\S+$/.test(l))).toHaveLength(3);
    expect(lines.some((l) => l.startsWith('+1s  Normal  Started  Pod/web-'))).toBe(true);
  });

  it('plays a scenario with apply files relative to the scenario', () => {
    writeFileSync(join(dir, 'web.yaml'), WEB());
    writeFileSync(join(dir, 'v2.yaml'), WEB('nginx:1.26'));
    writeFileSync(join(dir, 'sc.yaml'), 'nodes: 2\nsteps:\n  - wait: 30s\n  - apply: v2.yaml\n');
    const doc = JSON.parse(sim(['web.yaml', '--scenario', 'sc.yaml', '-o', 'json']).stdout);
    const pods = doc.items.filter((o: { kind: string }) => o.kind === 'Pod');
    expect(pods.map((p: { spec: { containers: { image: string }[] } }) => p.spec.containers[0]!.image)).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26']);
    expect(doc.items.filter((o: { kind: string }) => o.kind === 'Node')).toHaveLength(2);
  });

  it('the same inputs and seed give byte-identical output; another seed other names', () => {
    writeFileSync(join(dir, 'web.yaml'), WEB());
    const a = sim(['web.yaml', '-o', 'json', '--seed', '5']).stdout;
    expect(sim(['web.yaml', '-o', 'json', '--seed', '5']).stdout).toBe(a);
    expect(sim(['web.yaml', '-o', 'json', '--seed', '6']).stdout).not.toBe(a);
    expect(sim(['web.yaml', '-o', 'json']).stdout).toBe(sim(['web.yaml', '-o', 'json']).stdout);
  });

  it('an invalid manifest: every problem on stderr with file:line:column, errors in JSON, exit 1, nothing simulated', () => {
    writeFileSync(join(dir, 'bad.yaml'), WEB().replace('replicas: 3', 'replicas: three').replace('  selector:\n    matchLabels: {app: web}\n', ''));
    const r = sim(['bad.yaml', '-o', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bad\.yaml:6:\d+: error: Deployment\/web spec\.replicas: /m);
    const doc = JSON.parse(r.stdout);
    expect(doc.errors.map((e: { path: string }) => e.path).sort()).toEqual(['spec.replicas', 'spec.selector']);
    expect(doc.errors[0]).toMatchObject({ file: 'bad.yaml', kind: 'Deployment', name: 'web' });
    expect(doc.items).toBeUndefined();
  });

  it('a malformed scenario: exit 1 with file:line:column and field path', () => {
    writeFileSync(join(dir, 'web.yaml'), WEB());
    writeFileSync(join(dir, 'sc.yaml'), 'steps:\n  - wait: soon\n');
    const r = sim(['web.yaml', '--scenario', 'sc.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^sc\.yaml:2:\d+: error: steps\[0\]\.wait: /m);
    expect(r.stdout).toBe('');
  });

  it('a missing file exits 1; an apply file missing too', () => {
    expect(sim(['nope.yaml']).status).toBe(1);
    writeFileSync(join(dir, 'web.yaml'), WEB());
    writeFileSync(join(dir, 'sc.yaml'), 'steps:\n  - apply: gone.yaml\n');
    const r = sim(['web.yaml', '--scenario', 'sc.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gone.yaml:1:1: error: no such file');
  });

  it.each([[[]], [['web.yaml', '-o', 'yaml']], [['web.yaml', '--seed', 'abc']]])('a bad command line %j exits 2', (args) => {
    writeFileSync(join(dir, 'web.yaml'), WEB());
    expect(sim(args).status).toBe(2);
  });
});
