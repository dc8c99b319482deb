// Batch workloads at scale: a CronJob firing every minute for 30 virtual days, and a Job of 10,000
// completions run 100 at a time. Figures are wall-clock times of one full run (build, play, settle).
import { performance } from 'node:perf_hooks';
import { Cluster } from '../src/runtime/cluster.js';
import type { KubeObject } from '../src/runtime/api/types.js';
import { report } from './_stats.js';

const DAY_MS = 24 * 3_600_000;

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

function timed(play: (c: Cluster) => void): { ms: number; cluster: Cluster } {
  const start = performance.now();
  const cluster = new Cluster({ freeze: false });
  play(cluster);
  return { ms: performance.now() - start, cluster };
}

export async function run(): Promise<void> {
  const cron = timed((c) => {
    c.apply(everyMinute);
    c.runFor(30 * DAY_MS); // the scenario step `wait: 720h`
    c.settle();
  });
  const jobs = cron.cluster.timeline.entries.filter((e) => e.type === 'ADDED' && e.object.kind === 'Job').length;
  report(`CronJob */1 * * * * over 30 virtual days (${jobs} Jobs created)`, cron.ms, 'ms', '≤ 2000 ms');
  report('  timeline entries / events kept', cron.cluster.timeline.entries.length, 'entries');
  report('  events kept', cron.cluster.events.length, 'events');
  const job = timed((c) => {
    c.apply(bigJob);
    c.settle();
  });
  const status = job.cluster.store.get('Job', 'default', 'crunch')?.status;
  report(`Job completions 10,000 parallelism 100 (succeeded ${status?.succeeded ?? 0})`, job.ms, 'ms', '≤ 2000 ms');
}
