// Property: for any CronJob among common schedules, policies, history limits and pod behaviours, the
// fast-forwarded run is byte-identical to the step-by-step run.
import { test } from 'vitest';
import fc from 'fast-check';
import { compare } from './compare.js';
import { cronJob, rule, scenario } from './builders.js';

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
