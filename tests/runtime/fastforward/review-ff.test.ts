// Adversarial review of the CronJob fast-forward: scenarios built to break the contract that a
// fast-forwarded run (the default) equals the step-by-step run byte for byte, each run through
// compare(). `test.fails` marks a contract break found by the review: it passes while the break is
// there and fails once it is fixed — then make it a plain `test`.
import { describe, expect, test } from 'vitest';
import { compare, runBoth, differences } from './compare.js';
import { cronJob, rule, scenario } from './builders.js';
import { deployment } from '../helpers.js';
import type { KubeObject } from '../../../src/runtime/api/types.js';

const SEED = 42;
/** Minutes since the epoch at the default start (2030-01-01T00:00Z): the digits of the first Job names. */
const FIRST_MINUTE = Date.UTC(2030, 0, 1) / 60_000;
/** The CronJob's Job of minute 100 of the run (01:40), well inside the jump of a 4 h wait. */
const JOB_AT_0140 = `tick-${FIRST_MINUTE + 100}`;

const barePod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });

const daemonSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent' },
  spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'agent:1' }] } } },
};
const statefulSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db' },
  spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'a', image: 'db:1' }] } } },
};

/** A one-replica Deployment whose pod asks for more CPU than any node has: Pending, retried by the scheduler. */
function unschedulable(): KubeObject {
  const d = deployment({ name: 'big', replicas: 1 }) as KubeObject & { spec: { template: { spec: { containers: { resources?: unknown }[] } } } };
  d.spec.template.spec.containers[0]!.resources = { requests: { cpu: '100' } };
  return d;
}

describe('review: names already taken (the jump must not take every create to succeed)', () => {
  // Step by step, the CronJob's create of Job tick-<minute> is refused (AlreadyExists) when that name
  // is taken: no Job, no Pod, no tokens drawn, then MissingJob — and every uid and name after it differs.
  test('a Job already named as a future run of the CronJob (history limit 0)', () => {
    const taken: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: JOB_AT_0140 }, spec: { suspend: true, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'busybox:1.36' }] } } } };
    compare([cronJob({ successfulJobsHistoryLimit: 0 }), taken], scenario({ steps: ['wait: 4h'] }), SEED);
  });

  // store.create draws generateName suffixes again while the name is taken. A Pod named as the one
  // the CronJob's Job makes at 01:40 shifts the random stream.
  test('a Pod already named as a future generated pod name (history limit 0)', () => {
    const cj = cronJob({ successfulJobsHistoryLimit: 0 });
    const text = scenario({ steps: ['wait: 4h'] });
    // The same draws with a Pod of another name: its uid is drawn alike, only the name differs.
    const { reference } = runBoth([cj, barePod('placeholder')], text, SEED);
    const made = reference.timeline.find((e) => e.type === 'ADDED' && e.object.kind === 'Pod' && (e.object.metadata.name ?? '').startsWith(`${JOB_AT_0140}-`));
    const name = made?.object.metadata.name;
    expect(name).toBeDefined();
    compare([cj, barePod(name!)], text, SEED);
  });
});

describe('review: results equal, whether or not the fast-forward engages', () => {
  const everyMinuteAndHourly = [cronJob({ name: 'a' }), cronJob({ name: 'h', schedule: '@hourly' })];

  test('*/1 beside @hourly over 12 h: identical', () => {
    compare(everyMinuteAndHourly, scenario({ steps: ['wait: 12h'] }), SEED);
  });

  // The @hourly timer stays put from cycle to cycle: a jump must leave it (and end before it), and the
  // two timers due together at the hour must compare as the same pending set whatever their order.
  test('*/1 beside @hourly over 12 h: cycles are generated', () => {
    expect(compare(everyMinuteAndHourly, scenario({ steps: ['wait: 12h'] }), SEED).fast.fastForwarded).toBeGreaterThan(0);
  });

  test('a deleted CronJob leaves its schedule timer: identical', () => {
    compare(everyMinuteAndHourly, scenario({ steps: ['wait: 10m', 'delete: {kind: CronJob, name: h}', 'wait: 6h'] }), SEED);
  });

  test('Replace with Jobs that never end (sleep infinity): identical', () => {
    compare([cronJob({ concurrencyPolicy: 'Replace', command: ['sleep', 'infinity'] })], scenario({ steps: ['wait: 4h'] }), SEED);
  });

  test('Forbid behind a Job that never ends: TooManyMissedTimes joins after 100 missed runs; identical', () => {
    compare([cronJob({ concurrencyPolicy: 'Forbid', command: ['sleep', 'infinity'] })], scenario({ steps: ['wait: 6h'] }), SEED);
  });

  test('CRON_TZ=Europe/Berlin daily at 09:00 across the spring DST change: identical', () => {
    compare([cronJob({ schedule: 'CRON_TZ=Europe/Berlin 0 9 * * *' })], scenario({ start: '2030-03-10T00:00:00Z', steps: ['wait: 960h'] }), SEED);
  });

  test('a 52-character CronJob name (generated pod prefixes truncated alike): identical', () => {
    compare([cronJob({ name: 'a'.repeat(52) })], scenario({ steps: ['wait: 6h'] }), SEED);
  });

  test('parallelism 2 (the pods of one Job share their prefix): identical', () => {
    compare([cronJob({ job: { parallelism: 2, completions: 2 } })], scenario({ steps: ['wait: 6h'] }), SEED);
  });
});

describe('review: cases that hold', () => {
  test('beside a DaemonSet, a StatefulSet and a Deployment with startup and readiness delays; killPod after the wait', () => {
    const text = scenario({ pods: [rule('web', 'readyAfter: 20s, startupTime: 5s')], steps: ['wait: 4h', 'killPod: {name: db-0}', 'wait: 2h'] });
    const { fast } = compare([cronJob(), daemonSet, statefulSet, deployment({ minReadySeconds: 30 })], text, SEED);
    expect(fast.fastForwarded).toBeGreaterThan(0);
  });

  test('a tainted node, untainted after the wait', () => {
    const text = scenario({ nodes: '[{name: n1, taints: [{key: k, effect: NoSchedule}]}, {name: n2}]', steps: ['wait: 4h', 'untaintNode: {name: n1, key: k}', 'wait: 4h'] });
    expect(compare([cronJob()], text, SEED).fast.fastForwarded).toBeGreaterThan(0);
  });

  test("an unschedulable pod retried each cycle (the scheduler's back-off memory), then a node that fits it", () => {
    const text = scenario({ steps: ['wait: 6h', 'addNode: {name: huge, capacity: {cpu: "200", memory: 64Gi}}', 'wait: 10m'] });
    expect(compare([cronJob(), unschedulable()], text, SEED).fast.fastForwarded).toBeGreaterThan(0);
  });

  test("a failTimes rule matching the CronJob's pods and a Deployment's", () => {
    const text = scenario({ pods: ['{selector: {matchLabels: {app: tick}}, failTimes: 300}'], steps: ['wait: 8h'] });
    compare([cronJob(), deployment({ name: 'web', labels: { app: 'tick' } })], text, SEED);
  });

  test('backoffLimitPerIndex, Indexed, parallelism 2', () => {
    const cj = cronJob({ restartPolicy: 'Never', job: { completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimitPerIndex: 1 } });
    expect(compare([cj], scenario({ steps: ['wait: 6h'] }), SEED).fast.fastForwarded).toBeGreaterThan(0);
  });

  test('the Jobs delete by selector mid-run, then a second wait', () => {
    compare([cronJob()], scenario({ steps: ['wait: 3h', 'delete: {kind: Job, selector: {matchLabels: {app: tick}}}', 'wait: 3h'] }), SEED);
  });

  test('the task cap met at many points of a run with jumps', () => {
    const text = scenario({ pods: [rule('tick', 'runFor: 20s')], steps: ['wait: 6h', 'wait: 3h'] });
    for (let maxTasks = 3000; maxTasks < 26_000; maxTasks += 2911) {
      const { reference, fast } = runBoth([cronJob()], text, 5, { maxTasks });
      expect(differences(reference, fast), `maxTasks ${maxTasks}`).toEqual([]);
    }
  });

  test('starts and pod rules off the whole second, across a year end', () => {
    const pods = [rule('tick', 'runFor: 1500ms, startupTime: 250ms, readyAfter: 100ms')];
    for (const [start, seed] of [['2030-01-01T00:00:00.5Z', 1], ['2031-12-31T23:30:00.25Z', 3]] as const) {
      const { reference, fast } = runBoth([cronJob({ schedule: '*/2 * * * *' })], scenario({ start, pods, steps: ['wait: 3h', 'wait: 1h'] }), seed);
      expect(differences(reference, fast), start).toEqual([]);
      expect(fast.fastForwarded, start).toBeGreaterThan(0);
    }
  });

  test('waits of every few seconds past the hour, with a step between them (*/3)', () => {
    for (let s = 0; s < 400; s += 29) {
      const text = scenario({ pods: [rule('tick', 'runFor: 25s')], steps: [`wait: ${3 * 3600 + s}s`, 'wait: 1m', `wait: ${2 * 3600 + 2 * s}s`] });
      const { reference, fast } = runBoth([cronJob({ schedule: '*/3 * * * *' })], text, 3);
      expect(differences(reference, fast), `offset ${s}s`).toEqual([]);
    }
  });
});
