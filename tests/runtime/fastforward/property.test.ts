// Property: for any CronJob among common schedules, policies, history limits and pod behaviours, the
// fast-forwarded run is byte-identical to the step-by-step run.
import { test } from 'vitest';
import fc from 'fast-check';
import { compare } from './compare.js';
import { cronJob, rule, scenario } from './builders.js';

const SCHEDULES = ['*/1 * * * *', '*/2 * * * *', '*/3 * * * *', '*/5 * * * *', '*/10 * * * *', '0 * * * *', '17 * * * *', '@hourly'];
/** Schedules firing every minute or two are the costly ones step by step: their waits are kept shorter. */
const MAX_WAIT_HOURS: Record<string, number> = { '*/1 * * * *': 12, '*/2 * * * *': 24 };

const cases = fc.record({
  schedule: fc.constantFrom(...SCHEDULES),
  concurrencyPolicy: fc.constantFrom('Allow' as const, 'Forbid' as const, 'Replace' as const),
  successfulJobsHistoryLimit: fc.integer({ min: 0, max: 4 }),
  failedJobsHistoryLimit: fc.integer({ min: 0, max: 4 }),
  runForS: fc.integer({ min: 1, max: 200 }),
  exitCode: fc.constantFrom(0, 1),
  restartPolicy: fc.constantFrom('Never' as const, 'OnFailure' as const),
  backoffLimit: fc.integer({ min: 0, max: 2 }),
  waitHours: fc.integer({ min: 6, max: 48 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

test('property: fast-forwarded and step-by-step runs are identical', () => {
  fc.assert(
    fc.property(cases, (c) => {
      const wait = Math.min(c.waitHours, MAX_WAIT_HOURS[c.schedule] ?? 48);
      const manifest = cronJob({
        schedule: c.schedule,
        concurrencyPolicy: c.concurrencyPolicy,
        successfulJobsHistoryLimit: c.successfulJobsHistoryLimit,
        failedJobsHistoryLimit: c.failedJobsHistoryLimit,
        restartPolicy: c.restartPolicy,
        backoffLimit: c.backoffLimit,
      });
      const text = scenario({ pods: [rule('tick', `runFor: ${c.runForS}s, exitCode: ${c.exitCode}`)], steps: [`wait: ${wait}h`] });
      compare([manifest], text, c.seed);
    }),
    { numRuns: 25 },
  );
}, 600_000);
