import { describe, it, expect } from 'vitest';
import { applyDefaults, defaultPullPolicy } from '../../../src/runtime/api/defaults.js';
import { deployment } from '../helpers.js';
import type { KubeObject } from '../../../src/runtime/index.js';

describe('API server defaulting', () => {
  it('a Deployment gets replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600', () => {
    const d = deployment();
    delete d.spec.replicas;
    delete d.spec.strategy;
    const out = applyDefaults(d);
    expect(out.spec.replicas).toBe(1);
    expect(out.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(out.spec.revisionHistoryLimit).toBe(10);
    expect(out.spec.progressDeadlineSeconds).toBe(600);
  });

  it('pod templates get restartPolicy Always, terminationGracePeriodSeconds 30, dnsPolicy ClusterFirst', () => {
    const spec = applyDefaults(deployment()).spec.template.spec;
    expect(spec.restartPolicy).toBe('Always');
    expect(spec.terminationGracePeriodSeconds).toBe(30);
    expect(spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.schedulerName).toBe('default-scheduler');
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry:5000/team/app', 'Always'],
    ['registry:5000/team/app:v2', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('imagePullPolicy of %s is %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it('a Job with neither completions nor parallelism gets 1 and 1, backoffLimit 6', () => {
    const job = applyDefaults<KubeObject>({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [] } } } });
    expect(job.spec.completions).toBe(1);
    expect(job.spec.parallelism).toBe(1);
    expect(job.spec.backoffLimit).toBe(6);
  });

  it('a Job with parallelism only is a work queue: completions stays unset', () => {
    const job = applyDefaults<KubeObject>({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'q' }, spec: { parallelism: 3, template: { spec: { containers: [] } } } });
    expect(job.spec.completions).toBeUndefined();
  });

  it('does not modify its input', () => {
    const d = deployment();
    const before = JSON.stringify(d);
    applyDefaults(d);
    expect(JSON.stringify(d)).toBe(before);
  });
});
