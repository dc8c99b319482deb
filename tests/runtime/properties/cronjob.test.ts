// Invariants of the CronJob controller over random schedules and run lengths: with Forbid no two
// Jobs of one CronJob are ever active together; with Allow a day creates exactly as many Jobs as
// the schedule has activations; history limits hold whenever the cluster is at rest.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createCluster, type Cluster } from '../../../src/runtime/index.js';
import type { KubeObject } from '../../../src/runtime/api/types.js';
import { nextTime, parseSchedule } from '../../../src/runtime/controllers/cronjob/schedule.js';

const START = Date.UTC(2030, 0, 1);
const HOUR = 3_600_000;
const SCHEDULES = ['*/7 * * * *', '0 * * * *', '15,45 */2 * * *', '@hourly', '*/30 9-17 * * 1-5', '5 4 * * *', '*/3 * * * *'];

function cronJob(schedule: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'cj' },
    spec: {
      schedule,
      ...spec,
      jobTemplate: { spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'busybox:1.36' }] } } } },
    },
  };
}

function finished(job: KubeObject): 'Complete' | 'Failed' | undefined {
  const c = ((job.status?.conditions ?? []) as { type: string; status: string }[]).find((x) => x.status === 'True' && (x.type === 'Complete' || x.type === 'Failed'));
  return c?.type as 'Complete' | 'Failed' | undefined;
}

/** Calls `check` with the Jobs present after every change. */
function watchJobs(c: Cluster, check: (jobs: KubeObject[], time: number) => void): void {
  const jobs = new Map<string, KubeObject>();
  c.store.watch((change) => {
    if (change.object.kind !== 'Job') return;
    if (change.type === 'DELETED') jobs.delete(change.object.metadata.name!);
    else jobs.set(change.object.metadata.name!, change.object);
    check([...jobs.values()], c.now());
  });
}

describe('CronJob properties', () => {
  test('property: with Forbid, no two Jobs of the CronJob are active at once', () => {
    fc.assert(
      fc.property(fc.constantFrom('*/1 * * * *', '*/2 * * * *', '*/5 * * * *'), fc.integer({ min: 10, max: 400 }), (schedule, runForS) => {
        const c = createCluster({ podRules: [{ selector: {}, runFor: runForS * 1000 }] });
        c.apply(cronJob(schedule, { concurrencyPolicy: 'Forbid' }));
        let maxActive = 0;
        watchJobs(c, (jobs) => {
          maxActive = Math.max(maxActive, jobs.filter((j) => !finished(j)).length);
        });
        c.runFor(2 * HOUR);
        expect(maxActive).toBe(1);
      }),
      { numRuns: 8 },
    );
  });

  test('property: with Allow, 24 hours create exactly one Job per activation of the schedule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEDULES), fc.integer({ min: 1, max: 90 }), (schedule, runForS) => {
        const c = createCluster({ podRules: [{ selector: {}, runFor: runForS * 1000 }] });
        c.apply(cronJob(schedule, {}));
        c.runFor(24 * HOUR);
        const created = c.timeline.entries.filter((e) => e.type === 'ADDED' && e.object.kind === 'Job').length;
        const parsed = parseSchedule(schedule);
        if (!parsed.ok) throw new Error(parsed.error);
        let expected = 0;
        for (let t = nextTime(parsed.schedule, START); t !== undefined && t <= START + 24 * HOUR; t = nextTime(parsed.schedule, t)) expected++;
        expect(created).toBe(expected);
      }),
      { numRuns: 7 },
    );
  });

  test('property: history limits hold whenever the cluster is at rest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 30 }),
        (keepOk, keepFailed, failTimes) => {
          const c = createCluster({ podRules: [{ selector: {}, runFor: 20_000, failTimes }] });
          c.apply(cronJob('*/2 * * * *', { successfulJobsHistoryLimit: keepOk, failedJobsHistoryLimit: keepFailed }));
          let lastTime = c.now();
          let counts = { ok: 0, failed: 0 };
          const atRest = (): void => {
            expect(counts.ok).toBeLessThanOrEqual(keepOk);
            expect(counts.failed).toBeLessThanOrEqual(keepFailed);
          };
          watchJobs(c, (jobs, time) => {
            // Everything due at one instant runs before time moves on: the state just before is at rest.
            if (time !== lastTime) atRest();
            lastTime = time;
            counts = { ok: jobs.filter((j) => finished(j) === 'Complete').length, failed: jobs.filter((j) => finished(j) === 'Failed').length };
          });
          c.runFor(HOUR);
          c.settle();
          atRest();
        },
      ),
      { numRuns: 10 },
    );
  });
});
