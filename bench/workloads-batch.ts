// Batch workloads at scale: a CronJob firing every minute for 30 virtual days, and a Job of 10,000
// completions run 100 at a time. Figures are wall-clock times of one full run (build, play, settle).
import { performance } from 'node:perf_hooks';
import { simulate, type SimulationResult } from '../src/runtime/scenario/engine.js';
import { parseScenarioText } from '../src/runtime/scenario/parse.js';
import type { KubeObject } from '../src/runtime/api/types.js';
import { report } from './_stats.js';

const everyMinute: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'tick' },
  spec: {
    schedule: '*/1 * * * *',
    jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'tick', image: 'busybox:1.36' }] } } } },
  },
};

const bigJob: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'crunch' },
  spec: {
    completions: 10_000,
    parallelism: 100,
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'crunch', image: 'busybox:1.36' }] } },
  },
};

/** One `simulate` run (apply, play the scenario, settle): wall ms and the result. */
function timed(manifest: KubeObject, scenarioText: string): { ms: number; cpuMs: number; result: SimulationResult } {
  const parsed = parseScenarioText(scenarioText, 'bench.yaml');
  if (!parsed.scenario) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = simulate({ manifests: [manifest], scenario: parsed.scenario });
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

export async function run(): Promise<void> {
  // The Job first: measured after the CronJob it would run beside the 30 days of history that run
  // keeps (over 1 GiB), and time the garbage collector spends on that, not on the Job.
  const job = timed(bigJob, 'steps: []\n');
  const status = job.result.items.find((o) => o.kind === 'Job')?.status;
  report(`Job completions 10,000 parallelism 100: ${status?.succeeded ?? 0} succeeded`, job.ms, 'ms', '≤ 2000 ms');
  report('  of which CPU time', job.cpuMs, 'ms');

  const cron = timed(everyMinute, 'steps:\n  - wait: 720h\n');
  const created = cron.result.timeline.filter((e) => e.type === 'ADDED' && e.object.kind === 'Job').length;
  const kept = cron.result.items.filter((o) => o.kind === 'Job').length;
  report(`CronJob */1 * * * * over 30 virtual days: ${created} Jobs created, ${kept} kept`, cron.ms, 'ms', '≤ 2000 ms');
  report('  of which CPU time', cron.cpuMs, 'ms');
  report('  CPU time per scheduled run', (cron.cpuMs * 1000) / Math.max(1, created), 'µs');
  report('  timeline entries kept', cron.result.timeline.length, 'entries');
  report('  events kept', cron.result.events.length, 'events');
  report('  heap used after the run', process.memoryUsage().heapUsed / 2 ** 20, 'MiB');
}
