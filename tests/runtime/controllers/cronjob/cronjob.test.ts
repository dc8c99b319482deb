import { describe, expect, test } from 'vitest';
import { cluster, conditionTypes, cronJob, reasons, T0 } from '../job/fixtures.js';
import type { Cluster } from '../../../../src/runtime/cluster.js';

const MIN = 60_000;

function jobsOf(c: Cluster): string[] {
  return c.store.list('Job', 'default').map((j) => j.metadata.name).sort();
}

function cronStatus(c: Cluster, name = 'tick') {
  return c.store.get('CronJob', 'default', name)!.status;
}

function created(c: Cluster): string[] {
  return c.timeline.entries.filter((e) => e.type === 'ADDED' && e.object.kind === 'Job').map((e) => e.object.metadata.name!);
}

describe('CronJob: creating Jobs on schedule', () => {
  test('the Job is named after the scheduled minute and owned by the CronJob', () => {
    const c = cluster();
    c.apply(cronJob('tick', '*/5 * * * *'));
    c.runFor(5 * MIN);
    const [job] = c.store.list('Job', 'default');
    // 2030-01-01T00:05:00Z is 31,557,605 minutes after the epoch.
    expect(job!.metadata.name).toBe('tick-31557605');
    expect(job!.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2030-01-01T00:05:00Z' });
    const cj = c.store.get('CronJob', 'default', 'tick')!;
    expect(job!.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(job!.metadata.creationTimestamp).toBe('2030-01-01T00:05:00Z');
  });

  test('status.active lists the running Job; lastScheduleTime is the scheduled time', () => {
    const c = cluster();
    c.apply(cronJob('tick', '*/5 * * * *'));
    c.runFor(5 * MIN + 1000);
    const job = c.store.list('Job', 'default')[0]!;
    expect(cronStatus(c)).toEqual({
      active: [{ kind: 'Job', namespace: 'default', name: 'tick-31557605', uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: expect.any(String) }],
      lastScheduleTime: '2030-01-01T00:05:00Z',
    });
    expect(reasons(c, 'CronJob', 'tick')).toEqual(['SuccessfulCreate']);
    expect(c.events.find((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.kind === 'CronJob')!.message).toBe('Created job tick-31557605');
  });

  test('the Job is recorded in status.active in one status write, with its uid and resourceVersion at creation', () => {
    const c = cluster();
    c.apply(cronJob('tick', '*/5 * * * *'));
    c.runFor(5 * MIN + 1000);
    const added = c.timeline.entries.find((e) => e.type === 'ADDED' && e.object.kind === 'Job')!.object;
    const writes = c.timeline.entries.filter((e) => e.type === 'MODIFIED' && e.object.kind === 'CronJob' && e.object.status?.active);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.object.status!.active).toEqual([
      { kind: 'Job', namespace: 'default', name: 'tick-31557605', uid: added.metadata.uid, apiVersion: 'batch/v1', resourceVersion: added.metadata.resourceVersion },
    ]);
  });

  test('a finished Job leaves the active list (SawCompletedJob) and sets lastSuccessfulTime', () => {
    const c = cluster();
    c.apply(cronJob('tick', '*/5 * * * *'));
    c.runFor(6 * MIN);
    expect(cronStatus(c)).toEqual({ lastScheduleTime: '2030-01-01T00:05:00Z', lastSuccessfulTime: '2030-01-01T00:05:06Z' });
    expect(c.events.find((e) => e.reason === 'SawCompletedJob')!.message).toBe('Saw completed job: tick-31557605, status: Complete');
  });

  test('no schedule fires while the simulation settles', () => {
    const c = cluster();
    c.apply(cronJob('tick', '* * * * *'));
    expect(c.settle()).toBe(true);
    expect(jobsOf(c)).toEqual([]);
    expect(c.now()).toBe(T0);
  });

  test('suspend: no Jobs are created', () => {
    const c = cluster();
    c.apply(cronJob('tick', '* * * * *', { suspend: true }));
    c.runFor(10 * MIN);
    expect(created(c)).toEqual([]);
  });

  test('timeZone: the schedule is read in that zone and the annotation carries its offset', () => {
    const c = cluster();
    c.apply(cronJob('tick', '0 2 * * *', { timeZone: 'America/New_York' }));
    c.runFor(8 * 60 * MIN);
    const [job] = c.store.list('Job', 'default');
    expect(job!.metadata.creationTimestamp).toBe('2030-01-01T07:00:00Z');
    expect(job!.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2030-01-01T02:00:00-05:00');
  });
});

describe('CronJob: concurrency policies', () => {
  const long = { selector: { matchExpressions: [{ key: 'job-name', operator: 'Exists' as const }] }, runFor: 150_000 };

  test('Allow: runs overlap', () => {
    const c = cluster([long]);
    c.apply(cronJob('tick', '* * * * *'));
    c.runFor(2.5 * MIN);
    expect(cronStatus(c).active).toHaveLength(2);
  });

  test('Forbid: runs are skipped while the previous one is active; without a deadline the missed one starts late', () => {
    const c = cluster([long]);
    c.apply(cronJob('tick', '* * * * *', { concurrencyPolicy: 'Forbid' }));
    c.runFor(5 * MIN);
    // The first Job runs 00:01:01-00:03:31. Then the 00:03 run, still unmet, starts at once (as upstream).
    expect(created(c)).toEqual(['tick-31557601', 'tick-31557603']);
    const second = c.timeline.entries.find((e) => e.type === 'ADDED' && e.object.metadata.name === 'tick-31557603')!;
    expect((second.time - T0) / 1000).toBe(211);
    expect(reasons(c, 'CronJob', 'tick').filter((r) => r === 'JobAlreadyActive')).toHaveLength(4);
  });

  test('Forbid with startingDeadlineSeconds: a run skipped for too long is dropped', () => {
    const c = cluster([long]);
    c.apply(cronJob('tick', '* * * * *', { concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 10 }));
    c.runFor(4 * MIN);
    expect(created(c)).toEqual(['tick-31557601', 'tick-31557604']);
  });

  test('Replace: the running Job is deleted and the new one started', () => {
    const c = cluster([long]);
    c.apply(cronJob('tick', '* * * * *', { concurrencyPolicy: 'Replace' }));
    c.runFor(2 * MIN);
    expect(jobsOf(c)).toEqual(['tick-31557602']);
    expect(reasons(c, 'CronJob', 'tick')).toEqual(['SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate']);
    expect(cronStatus(c).active.map((r: { name: string }) => r.name)).toEqual(['tick-31557602']);
  });
});

describe('CronJob: history limits', () => {
  test('keeps the 3 newest successful and the newest failed Job by default', () => {
    const c = cluster([{ selector: { matchLabels: { fail: 'yes' } }, failTimes: 1000 }]);
    c.apply(cronJob('tick', '* * * * *'));
    c.runFor(6 * MIN);
    expect(jobsOf(c)).toEqual(['tick-31557603', 'tick-31557604', 'tick-31557605', 'tick-31557606']);
    expect(c.events.filter((e) => e.reason === 'SuccessfulDelete' && e.involvedObject.kind === 'CronJob').map((e) => e.message)).toEqual([
      'Deleted job tick-31557601',
      'Deleted job tick-31557602',
    ]);
  });

  test('failed Jobs are kept up to failedJobsHistoryLimit', () => {
    const c = cluster([{ selector: { matchExpressions: [{ key: 'job-name', operator: 'Exists' as const }] }, failTimes: 1000, runFor: 1000 }]);
    c.apply(cronJob('tick', '* * * * *', { failedJobsHistoryLimit: 2 }, { backoffLimit: 0 }));
    c.runFor(5 * MIN + 20_000); // OnFailure: the first restart (after a 10s back-off) exceeds backoffLimit 0
    const jobs = c.store.list('Job', 'default');
    expect(jobs.map((j) => j.metadata.name).sort()).toEqual(['tick-31557604', 'tick-31557605']);
    expect(jobs.every((j) => conditionTypes(j).includes('Failed'))).toBe(true);
  });
});

describe('CronJob: missed schedules', () => {
  test('resuming after missed runs starts only the most recent one', () => {
    const c = cluster();
    c.apply(cronJob('tick', '* * * * *', { suspend: true }));
    c.runFor(10 * MIN + 20_000);
    c.apply(cronJob('tick', '* * * * *', { suspend: false }));
    c.runFor(1000);
    expect(created(c)).toEqual(['tick-31557610']);
  });

  test('startingDeadlineSeconds: a run missed by more than the deadline is not started', () => {
    const c = cluster();
    c.apply(cronJob('tick', '*/10 * * * *', { suspend: true, startingDeadlineSeconds: 15 }));
    c.runFor(10 * MIN + 20_000);
    c.apply(cronJob('tick', '*/10 * * * *', { suspend: false, startingDeadlineSeconds: 15 }));
    c.runFor(1000);
    expect(created(c)).toEqual([]);
    c.runFor(10 * MIN);
    expect(created(c)).toEqual(['tick-31557620']);
  });

  test('more than 100 missed runs: a TooManyMissedTimes warning, and the latest run still starts', () => {
    const c = cluster();
    c.apply(cronJob('tick', '* * * * *', { suspend: true }));
    c.runFor(150 * MIN);
    c.apply(cronJob('tick', '* * * * *', { suspend: false }));
    c.runFor(1000);
    const warning = c.events.find((e) => e.reason === 'TooManyMissedTimes');
    expect(warning).toMatchObject({ type: 'Warning', message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
    expect(created(c)).toEqual(['tick-31557750']);
  });
});
