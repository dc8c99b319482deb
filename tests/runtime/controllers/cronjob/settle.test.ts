// The simulate contract: no CronJob schedule fires while the simulation settles after the last step,
// even when a Job finishing during settling wakes the controller after a schedule has passed.
import { describe, expect, test } from 'vitest';
import { cluster, cronJob } from '../job/fixtures.js';

const MIN = 60_000;

describe('CronJob while settling', () => {
  test('a Job finishing during settle does not start the schedule that passed meanwhile', () => {
    const c = cluster();
    // Pods run 90 s: the 00:01 Job is still running when 00:02 passes during settling.
    const manifest = cronJob('tick', '* * * * *');
    const pod = { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '90'] }] };
    c.apply({ ...manifest, spec: { ...manifest.spec, jobTemplate: { spec: { template: { spec: pod } } } } });
    c.runFor(MIN + 1000);
    expect(c.store.list('Job', 'default')).toHaveLength(1);
    expect(c.settle()).toBe(true);
    expect(c.now()).toBeGreaterThan(2 * MIN + 1000);
    expect(c.store.list('Job', 'default')).toHaveLength(1);
    expect(c.events.filter((e) => e.reason === 'SawCompletedJob')).toHaveLength(1);
  });

  test('schedules fire again once time is advanced explicitly', () => {
    const c = cluster();
    c.apply(cronJob('tick', '* * * * *'));
    c.runFor(MIN);
    c.settle();
    c.runFor(MIN);
    expect(c.store.list('Job', 'default').length).toBeGreaterThanOrEqual(2);
  });
});
