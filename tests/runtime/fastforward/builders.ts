// Manifests and scenario text for the fast-forward differential tests.
import type { KubeObject } from '../../../src/runtime/api/types.js';

export interface CronOpts {
  name?: string;
  schedule?: string;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  startingDeadlineSeconds?: number;
  suspend?: boolean;
  timeZone?: string;
  restartPolicy?: 'Never' | 'OnFailure';
  backoffLimit?: number;
  /** More fields of jobTemplate.spec (completions, ttlSecondsAfterFinished…). */
  job?: Record<string, unknown>;
  /** The container's command (e.g. ['sleep', '30']). */
  command?: string[];
}

/** A CronJob whose pods are labelled `app: <name>` (what the scenarios' pod rules select). */
export function cronJob(o: CronOpts = {}): KubeObject {
  const name = o.name ?? 'tick';
  const spec: Record<string, unknown> = { schedule: o.schedule ?? '*/1 * * * *' };
  for (const key of ['concurrencyPolicy', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'startingDeadlineSeconds', 'suspend', 'timeZone'] as const) {
    if (o[key] !== undefined) spec[key] = o[key];
  }
  const container: Record<string, unknown> = { name: 'work', image: 'busybox:1.36' };
  if (o.command) container.command = o.command;
  const jobSpec: Record<string, unknown> = {
    ...(o.backoffLimit !== undefined ? { backoffLimit: o.backoffLimit } : {}),
    ...o.job,
    template: { metadata: { labels: { app: name } }, spec: { restartPolicy: o.restartPolicy ?? 'OnFailure', containers: [container] } },
  };
  spec.jobTemplate = { spec: jobSpec };
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name }, spec };
}

export interface ScenarioOpts {
  start?: string;
  settle?: boolean;
  /** The `nodes:` value as YAML: a count or a flow list. */
  nodes?: string;
  /** Pod rules as YAML flow mappings (see `rule`). */
  pods?: string[];
  /** Steps as YAML flow values, e.g. 'wait: 2h'. */
  steps: string[];
}

export function scenario(o: ScenarioOpts): string {
  const lines: string[] = [];
  if (o.start !== undefined) lines.push(`start: "${o.start}"`);
  if (o.settle !== undefined) lines.push(`settle: ${o.settle}`);
  if (o.nodes !== undefined) lines.push(`nodes: ${o.nodes}`);
  if (o.pods && o.pods.length > 0) lines.push('pods:', ...o.pods.map((r) => `  - ${r}`));
  lines.push('steps:', ...o.steps.map((s) => `  - ${s}`));
  return `${lines.join('\n')}\n`;
}

/** A pod rule for the pods labelled `app: <app>`, e.g. rule('tick', 'runFor: 90s'). */
export function rule(app: string, fields: string): string {
  return `{selector: {matchLabels: {app: ${app}}}, ${fields}}`;
}
