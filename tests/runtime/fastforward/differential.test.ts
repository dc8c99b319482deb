// The CronJob steady-state fast-forward must be invisible: for each case the fast-forwarded run and
// the step-by-step run (fastForward: false) give byte-identical clocks, objects, events, timelines,
// steps and warnings. Where a case is a plain steady state (the same cycle over and over), it also
// checks that the fast-forward engaged, so the comparison cannot pass by never fast-forwarding.
import { describe, expect, test } from 'vitest';
import { compare, type CompareOptions } from './compare.js';
import { cronJob, rule, scenario } from './builders.js';
import { deployment } from '../helpers.js';
import type { KubeObject } from '../../../src/runtime/api/types.js';

const SEED = 42;
const waitOnly = (wait: string): string => scenario({ steps: [`wait: ${wait}`] });

/**
 * Identical results, and at least one schedule cycle generated from a template — but no more cycles
 * than Jobs were created (every cycle of these cases creates one).
 */
function fastForwardsIdentically(manifests: KubeObject[], text: string, seed = SEED, options: CompareOptions = {}): void {
  const { fast } = compare(manifests, text, seed, options);
  expect(fast.fastForwarded).toBeGreaterThan(0);
  const jobsCreated = fast.timeline.filter((e) => e.type === 'ADDED' && e.object.kind === 'Job').length;
  expect(fast.fastForwarded).toBeLessThanOrEqual(jobsCreated);
}

describe('fast-forward: schedules in a steady state', () => {
  test('*/1 with the default Allow policy and history limits, over 2 days', () => {
    fastForwardsIdentically([cronJob()], waitOnly('48h'));
  });

  test('*/1 over 5 days (resourceVersions pass 100000, 7,200 pod IPs)', () => {
    fastForwardsIdentically([cronJob()], waitOnly('120h'));
  });

  test('*/5 over a day', () => {
    fastForwardsIdentically([cronJob({ schedule: '*/5 * * * *' })], waitOnly('24h'));
  });

  test('@hourly over 5 days', () => {
    fastForwardsIdentically([cronJob({ schedule: '@hourly' })], waitOnly('120h'));
  });

  test('0 * * * * over 5 days', () => {
    fastForwardsIdentically([cronJob({ schedule: '0 * * * *' })], waitOnly('120h'));
  });

  test('*/2 over a day', () => {
    fastForwardsIdentically([cronJob({ schedule: '*/2 * * * *' })], waitOnly('24h'));
  });

  test('a container command `sleep 30` instead of a pod rule', () => {
    fastForwardsIdentically([cronJob({ command: ['sleep', '30'] })], waitOnly('6h'));
  });

  test.each([1, 7, 12345])('seed %i, pods running 30 s', (seed) => {
    fastForwardsIdentically([cronJob()], scenario({ pods: [rule('tick', 'runFor: 30s')], steps: ['wait: 6h'] }), seed);
  });
});

describe('fast-forward: concurrency policies with runs longer than the period', () => {
  test('Forbid, */1, pods running 90 s (every other schedule skipped)', () => {
    compare([cronJob({ concurrencyPolicy: 'Forbid' })], scenario({ pods: [rule('tick', 'runFor: 90s')], steps: ['wait: 6h'] }), SEED);
  });

  test('Replace, */1, pods running 90 s (each run replaced by the next)', () => {
    compare([cronJob({ concurrencyPolicy: 'Replace' })], scenario({ pods: [rule('tick', 'runFor: 90s')], steps: ['wait: 6h'] }), SEED);
  });

  test('Allow, */1, pods running 150 s (three Jobs active at once)', () => {
    compare([cronJob({ concurrencyPolicy: 'Allow' })], scenario({ pods: [rule('tick', 'runFor: 150s')], steps: ['wait: 6h'] }), SEED);
  });

  test('Allow, */1, pods running 150 s on one node with room for 2 pods (pods wait Pending)', () => {
    const text = scenario({
      nodes: '[{name: node-1, capacity: {cpu: "4", memory: 16Gi, pods: "2"}}]',
      pods: [rule('tick', 'runFor: 150s')],
      steps: ['wait: 6h'],
    });
    compare([cronJob()], text, SEED);
  });
});

describe('fast-forward: history limits', () => {
  test.each([0, 1, 10])('successfulJobsHistoryLimit %i', (limit) => {
    fastForwardsIdentically([cronJob({ successfulJobsHistoryLimit: limit })], waitOnly('6h'));
  });

  test.each([0, 2])('failedJobsHistoryLimit %i with every Job failing (exit 1, Never, backoffLimit 1)', (limit) => {
    const text = scenario({ pods: [rule('tick', 'exitCode: 1')], steps: ['wait: 6h'] });
    compare([cronJob({ failedJobsHistoryLimit: limit, restartPolicy: 'Never', backoffLimit: 1 })], text, SEED);
  });

  test('failing containers restarted in place (exit 1, OnFailure, backoffLimit 2)', () => {
    const text = scenario({ pods: [rule('tick', 'exitCode: 1')], steps: ['wait: 6h'] });
    fastForwardsIdentically([cronJob({ restartPolicy: 'OnFailure', backoffLimit: 2 })], text);
  });

  test('failTimes 3: early failures, then steady success', () => {
    const text = scenario({ pods: [rule('tick', 'failTimes: 3')], steps: ['wait: 6h'] });
    fastForwardsIdentically([cronJob({ restartPolicy: 'Never' })], text);
  });
});

describe('fast-forward: Job template variations', () => {
  test('ttlSecondsAfterFinished 30 (Jobs removed by TTL before the history limit)', () => {
    fastForwardsIdentically([cronJob({ job: { ttlSecondsAfterFinished: 30 } })], waitOnly('6h'));
  });

  test('ttlSecondsAfterFinished 300 (history limit and TTL both delete)', () => {
    compare([cronJob({ job: { ttlSecondsAfterFinished: 300 } })], waitOnly('6h'), SEED);
  });

  test('activeDeadlineSeconds 20 with pods running 40 s (every Job DeadlineExceeded)', () => {
    const text = scenario({ pods: [rule('tick', 'runFor: 40s')], steps: ['wait: 6h'] });
    fastForwardsIdentically([cronJob({ job: { activeDeadlineSeconds: 20 } })], text);
  });

  test('Indexed Jobs with completions 3, parallelism 3', () => {
    fastForwardsIdentically([cronJob({ schedule: '*/2 * * * *', job: { completions: 3, parallelism: 3, completionMode: 'Indexed' } })], waitOnly('6h'));
  });
});

describe('fast-forward: schedule handling', () => {
  test('startingDeadlineSeconds 30', () => {
    fastForwardsIdentically([cronJob({ startingDeadlineSeconds: 30 })], waitOnly('6h'));
  });

  test('suspend: true (nothing is scheduled)', () => {
    compare([cronJob({ suspend: true })], waitOnly('6h'), SEED);
  });

  test('timeZone America/New_York, 30 1 * * *, 2030-03-01..03-20 across the DST start (03-10)', () => {
    const text = scenario({ start: '2030-03-01T00:00:00Z', steps: ['wait: 456h'] });
    compare([cronJob({ schedule: '30 1 * * *', timeZone: 'America/New_York' })], text, SEED);
  });

  test('timeZone America/New_York, 0 12 * * *, over 90 days across the DST start', () => {
    const text = scenario({ start: '2030-01-01T00:00:00Z', steps: ['wait: 2160h'] });
    compare([cronJob({ schedule: '0 12 * * *', timeZone: 'America/New_York' })], text, SEED);
  });

  test('timeZone America/New_York, 30 1 * * *, over 120 days across the DST end (01:30 happens twice on 11-03)', () => {
    const text = scenario({ start: '2030-09-01T00:00:00Z', steps: ['wait: 2880h'] });
    compare([cronJob({ schedule: '30 1 * * *', timeZone: 'America/New_York' })], text, SEED);
  });

  test('timeZone America/New_York, */30 * * * *, across the DST day', () => {
    const text = scenario({ start: '2030-03-09T12:00:00Z', steps: ['wait: 36h'] });
    fastForwardsIdentically([cronJob({ schedule: '*/30 * * * *', timeZone: 'America/New_York' })], text);
  });
});

describe('fast-forward: beside other objects', () => {
  test('two CronJobs with different schedules (*/1 and */3)', () => {
    fastForwardsIdentically([cronJob({ name: 'tick' }), cronJob({ name: 'tock', schedule: '*/3 * * * *' })], waitOnly('6h'));
  });

  test('a CronJob beside a 3-replica Deployment', () => {
    fastForwardsIdentically([deployment({ name: 'web', replicas: 3 }), cronJob()], waitOnly('6h'));
  });

  test('a CronJob whose name is 50 characters long (pod generateName truncated to 58 characters)', () => {
    const name = 'n'.repeat(40) + '-abcdefghi';
    expect(name).toHaveLength(50);
    // Jobs of ten consecutive minutes share one truncated generateName: may legitimately not engage.
    compare([cronJob({ name })], waitOnly('6h'), SEED);
  });

  test('a CronJob whose name is 48 characters long (the longest whose pod names are not truncated)', () => {
    const name = 'm'.repeat(38) + '-abcdefghi';
    expect(name).toHaveLength(48);
    fastForwardsIdentically([cronJob({ name })], waitOnly('6h'));
  });

  test.each([
    ['*/3 * * * *', '*/4 * * * *', 'every 12 minutes'],
    ['*/3 * * * *', '*/5 * * * *', 'every 15 minutes'],
  ])('two CronJobs %s and %s (their firings repeat %s)', (a, b) => {
    compare([cronJob({ name: 'tick', schedule: a }), cronJob({ name: 'tock', schedule: b })], waitOnly('12h'), SEED);
  });

  test('two CronJobs whose cycles repeat only every 6 minutes (*/2 and */3)', () => {
    compare([cronJob({ name: 'tick', schedule: '*/2 * * * *' }), cronJob({ name: 'tock', schedule: '*/3 * * * *' })], waitOnly('6h'), SEED);
  });
});

describe('fast-forward: the wait among other steps', () => {
  test('wait, then delete the CronJob, then wait 10m', () => {
    const text = scenario({ steps: ['wait: 6h', 'delete: {kind: CronJob, name: tick}', 'wait: 10m'] });
    fastForwardsIdentically([cronJob()], text);
  });

  test('wait, then scale the Deployment beside it, then wait 10m', () => {
    const text = scenario({ steps: ['wait: 6h', 'scale: {kind: Deployment, name: web, replicas: 5}', 'wait: 10m'] });
    fastForwardsIdentically([deployment({ name: 'web', replicas: 3 }), cronJob()], text);
  });

  test('wait, then apply the CronJob suspended, then wait 1h', () => {
    const suspended = cronJob({ suspend: true });
    const text = scenario({ steps: ['wait: 6h', 'apply: suspended.yaml', 'wait: 1h'] });
    fastForwardsIdentically([cronJob()], text, SEED, { readManifest: () => [structuredClone(suspended)] });
  });

  test('wait, then apply a slower schedule, then wait 6h', () => {
    const slower = cronJob({ schedule: '*/7 * * * *' });
    const text = scenario({ steps: ['wait: 6h', 'apply: slower.yaml', 'wait: 6h'] });
    fastForwardsIdentically([cronJob()], text, SEED, { readManifest: () => [structuredClone(slower)] });
  });

  test('two waits in a row (the timeline carries each step index)', () => {
    fastForwardsIdentically([cronJob()], scenario({ steps: ['wait: 3h', 'wait: 3h'] }));
  });

  test('wait, add a node, wait again (placement may change)', () => {
    fastForwardsIdentically([cronJob()], scenario({ steps: ['wait: 3h', 'addNode: {name: node-4}', 'wait: 3h'] }));
  });

  test('wait, fail a node, wait again (the node goes NotReady, its pods are evicted)', () => {
    compare([cronJob()], scenario({ steps: ['wait: 3h', 'failNode: node-1', 'wait: 3h'] }), SEED);
  });

  test.each(['6h0m3s', '6h0m30s', '6h59s', '6h0m21s', '6h0m22s'])('a wait of %s ends in the middle of a run or at its last instant', (wait) => {
    fastForwardsIdentically([cronJob()], scenario({ pods: [rule('tick', 'runFor: 20s')], steps: [`wait: ${wait}`] }));
  });

  test('settle: false stops right after the wait', () => {
    fastForwardsIdentically([cronJob()], scenario({ settle: false, steps: ['wait: 6h'] }));
  });

  test('the task cap (maxTasks) is reached in the middle of a long wait', () => {
    const { reference } = compare([cronJob()], waitOnly('48h'), SEED, { maxTasks: 30_000 });
    expect(reference.capped).toBeDefined();
  });
});

describe('fast-forward: calendars and irregular schedules', () => {
  test('a start that is not on a whole minute', () => {
    fastForwardsIdentically([cronJob()], scenario({ start: '2030-01-01T00:00:30.500Z', steps: ['wait: 6h'] }));
  });

  test('cycles across a month and a year boundary (2030-12-31 → 2031-01-01)', () => {
    fastForwardsIdentically([cronJob()], scenario({ start: '2030-12-31T18:00:00Z', steps: ['wait: 12h'] }));
  });

  test('two CronJobs on the same schedule (both fire in the same instant)', () => {
    fastForwardsIdentically([cronJob({ name: 'tick' }), cronJob({ name: 'tock' })], waitOnly('6h'));
  });

  test('a CronJob in its own namespace', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'batch' } };
    const cj = cronJob();
    cj.metadata.namespace = 'batch';
    fastForwardsIdentically([ns, cj], waitOnly('6h'));
  });

  test('pods with startupTime 3s and readyAfter 2s', () => {
    fastForwardsIdentically([cronJob()], scenario({ pods: [rule('tick', 'runFor: 10s, startupTime: 3s, readyAfter: 2s')], steps: ['wait: 6h'] }));
  });

  test('failTimes 50 with backoffLimit 0: 50 failed Jobs, then steady success', () => {
    const text = scenario({ pods: [rule('tick', 'failTimes: 50')], steps: ['wait: 6h'] });
    // The one failed Job kept by failedJobsHistoryLimit stays for ever: may legitimately not engage.
    compare([cronJob({ restartPolicy: 'Never', backoffLimit: 0 })], text, SEED);
  });

  test('successfulJobsHistoryLimit 100 (a long history to carry)', () => {
    compare([cronJob({ successfulJobsHistoryLimit: 100 })], waitOnly('6h'), SEED);
  });

  test('timeZone America/New_York, */15 * * * * over 8 days with the DST start in the middle of a jump', () => {
    const text = scenario({ start: '2030-03-06T00:00:00Z', steps: ['wait: 192h'] });
    fastForwardsIdentically([cronJob({ schedule: '*/15 * * * *', timeZone: 'America/New_York' })], text);
  });

  test('timeZone Europe/London, */20 1 * * * over 40 days across the DST end (01:00–02:00 happens twice)', () => {
    const text = scenario({ start: '2030-10-01T00:00:00Z', steps: ['wait: 960h'] });
    compare([cronJob({ schedule: '*/20 1 * * *', timeZone: 'Europe/London' })], text, SEED);
  });

  test('timeZone America/New_York, 30 1,2,3 * * * over 60 days (02:30 does not exist on 03-10)', () => {
    const text = scenario({ start: '2030-02-01T00:00:00Z', steps: ['wait: 1440h'] });
    compare([cronJob({ schedule: '30 1,2,3 * * *', timeZone: 'America/New_York' })], text, SEED);
  });

  test('timeZone America/New_York, */20 0-3 * * * over 60 days (01:00–02:00 happens twice on 11-03)', () => {
    const text = scenario({ start: '2030-10-01T00:00:00Z', steps: ['wait: 1440h'] });
    compare([cronJob({ schedule: '*/20 0-3 * * *', timeZone: 'America/New_York' })], text, SEED);
  });

  test.each([
    ['*/10 * * 1 *', '2030-01-29T00:00:00Z', 'January only, into February'],
    ['*/10 * 1-15 * *', '2030-01-13T00:00:00Z', 'days 1–15 only, into the 16th'],
    ['*/5 * * * 1-5', '2030-01-03T00:00:00Z', 'weekdays only, into the weekend'],
  ])('%s from %s (%s): a steady state that stops', (schedule, start) => {
    compare([cronJob({ schedule })], scenario({ start, steps: ['wait: 96h'] }), SEED);
  });

  test.each([
    ['0,5 * * * *', '120h'],
    ['*/7 * * * *', '48h'],
    ['*/25 * * * *', '72h'],
    ['@daily', '1440h'],
    ['0 0 * * 0', '8760h'],
    ['@monthly', '17520h'],
    ['0 9-17 * * 1-5', '720h'],
  ])('uneven gaps between firings: %s over %s', (schedule, wait) => {
    compare([cronJob({ schedule })], waitOnly(wait), SEED);
  });
});
