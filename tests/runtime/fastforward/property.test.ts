// Properties: for any CronJob among common schedules, policies, history limits and pod behaviours, and
// for scenarios with a step between two waits, the fast-forwarded run is byte-identical to the
// step-by-step run.
import { test } from 'vitest';
import fc from 'fast-check';
import { compare } from './compare.js';
import { cronJob, rule, scenario } from './builders.js';
import { deployment } from '../helpers.js';

const SCHEDULES = ['*/1 * * * *', '*/2 * * * *', '*/3 * * * *', '*/5 * * * *', '*/10 * * * *', '0 * * * *', '17 * * * *', '@hourly'];
const HOUR_S = 3600;
/** Schedules firing every minute or two are the costly ones step by step: their waits are kept shorter. */
const MAX_WAIT_S: Record<string, number> = { '*/1 * * * *': 12 * HOUR_S, '*/2 * * * *': 24 * HOUR_S };

const cases = fc.record({
  schedule: fc.constantFrom(...SCHEDULES),
  concurrencyPolicy: fc.constantFrom('Allow' as const, 'Forbid' as const, 'Replace' as const),
  successfulJobsHistoryLimit: fc.integer({ min: 0, max: 4 }),
  failedJobsHistoryLimit: fc.integer({ min: 0, max: 4 }),
  runForS: fc.integer({ min: 1, max: 200 }),
  exitCode: fc.constantFrom(0, 1),
  restartPolicy: fc.constantFrom('Never' as const, 'OnFailure' as const),
  backoffLimit: fc.integer({ min: 0, max: 2 }),
  // Any second, so that the wait often ends in the middle of a cycle.
  waitS: fc.integer({ min: 6 * HOUR_S, max: 48 * HOUR_S }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

test('property: fast-forwarded and step-by-step runs are identical', () => {
  fc.assert(
    fc.property(cases, (c) => {
      const wait = Math.min(c.waitS, MAX_WAIT_S[c.schedule] ?? 48 * HOUR_S);
      const manifest = cronJob({
        schedule: c.schedule,
        concurrencyPolicy: c.concurrencyPolicy,
        successfulJobsHistoryLimit: c.successfulJobsHistoryLimit,
        failedJobsHistoryLimit: c.failedJobsHistoryLimit,
        restartPolicy: c.restartPolicy,
        backoffLimit: c.backoffLimit,
      });
      const text = scenario({ pods: [rule('tick', `runFor: ${c.runForS}s, exitCode: ${c.exitCode}`)], steps: [`wait: ${wait}s`] });
      compare([manifest], text, c.seed);
    }),
    { numRuns: 25 },
  );
}, 600_000);

/** A step played between two waits, acting on the CronJob, its neighbours or the nodes. */
const BETWEEN = {
  none: [],
  suspend: ['apply: suspended.yaml'],
  deleteCronJob: ['delete: {kind: CronJob, name: tick}'],
  scaleDeployment: ['scale: {kind: Deployment, name: web, replicas: 5}'],
  addNode: ['addNode: {name: node-9}'],
  cordon: ['cordon: node-1'],
  failNode: ['failNode: node-2'],
} as const;

const multiStep = fc.record({
  schedule: fc.constantFrom(...SCHEDULES),
  timeZone: fc.constantFrom(undefined, 'America/New_York', 'Asia/Kolkata'),
  runForS: fc.integer({ min: 1, max: 50 }),
  withDeployment: fc.boolean(),
  startOffsetS: fc.integer({ min: 0, max: 366 * 24 * HOUR_S }),
  firstWaitS: fc.integer({ min: 2 * HOUR_S, max: 8 * HOUR_S }),
  between: fc.constantFrom(...(Object.keys(BETWEEN) as (keyof typeof BETWEEN)[])),
  secondWaitS: fc.integer({ min: 60, max: 4 * HOUR_S }),
  settle: fc.boolean(),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

test('property: scenarios with a step between two waits, neighbours and time zones are identical', () => {
  fc.assert(
    fc.property(multiStep, (c) => {
      const manifests = [cronJob({ schedule: c.schedule, ...(c.timeZone ? { timeZone: c.timeZone } : {}) })];
      if (c.withDeployment) manifests.push(deployment({ name: 'web', replicas: 3 }));
      const suspended = cronJob({ schedule: c.schedule, suspend: true, ...(c.timeZone ? { timeZone: c.timeZone } : {}) });
      const text = scenario({
        start: new Date(Date.UTC(2030, 0, 1) + c.startOffsetS * 1000).toISOString(),
        settle: c.settle,
        pods: [rule('tick', `runFor: ${c.runForS}s`)],
        steps: [`wait: ${c.firstWaitS}s`, ...BETWEEN[c.between], `wait: ${c.secondWaitS}s`],
      });
      compare(manifests, text, c.seed, { readManifest: () => [structuredClone(suspended)] });
    }),
    { numRuns: 15 },
  );
}, 600_000);
