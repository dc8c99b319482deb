// Small builders for Job and CronJob tests: a cluster with pod rules and manifests.
import { Cluster } from '../../../../src/runtime/cluster.js';
import type { PodRule } from '../../../../src/runtime/kubelet/rules.js';
import type { KubeObject, Stored } from '../../../../src/runtime/api/types.js';

export const T0 = Date.UTC(2030, 0, 1);

export function cluster(podRules: PodRule[] = []): Cluster {
  return new Cluster({ podRules });
}

export function job(name: string, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      ...spec,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36' }], ...podSpec } },
    },
  };
}

export function cronJob(name: string, schedule: string, spec: Record<string, unknown> = {}, jobSpec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule,
      ...spec,
      jobTemplate: {
        spec: { ...jobSpec, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'busybox:1.36' }] } } },
      },
    },
  };
}

/** A rule for every pod of Job `jobName`. */
export function rule(jobName: string, r: Omit<PodRule, 'selector'>): PodRule {
  return { selector: { matchLabels: { 'job-name': jobName } }, ...r };
}

export function getJob(c: Cluster, name: string): Stored {
  const j = c.store.get('Job', 'default', name);
  if (!j) throw new Error(`no Job ${name}`);
  return j;
}

export function podsOf(c: Cluster, jobName: string): Stored[] {
  return c.store.list('Pod', 'default').filter((p) => p.metadata.labels?.['job-name'] === jobName);
}

export function conditionTypes(obj: Stored): string[] {
  return ((obj.status?.conditions ?? []) as { type: string; status: string }[]).filter((x) => x.status === 'True').map((x) => x.type);
}

export function reasons(c: Cluster, kind: string, name: string): string[] {
  return c.events.filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name).map((e) => e.reason);
}

/** Seconds after T0 at which events of `reason` on `name` happened. */
export function eventTimes(c: Cluster, name: string, reason: string): number[] {
  return c.events.filter((e) => e.involvedObject.name === name && e.reason === reason).map((e) => (e.time - T0) / 1000);
}
