import { describe, expect, test } from 'vitest';
import type { Stored } from '../../../../src/runtime/api/types.js';
import { ttlAfterFinishedController } from '../../../../src/runtime/controllers/job/index.js';
import { cluster, conditionTypes, eventTimes, getJob, job, podsOf, reasons, rule, T0 } from './fixtures.js';

describe('Job: run to completion', () => {
  test('a non-parallel Job runs one pod and completes with SuccessCriteriaMet then Complete', () => {
    const c = cluster();
    c.apply(job('pi'));
    c.settle();
    const j = getJob(c, 'pi');
    expect(podsOf(c, 'pi')).toHaveLength(1);
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(j.status.conditions[1].reason).toBe('CompletionsReached');
    expect(j.status).toMatchObject({ succeeded: 1, startTime: '2030-01-01T00:00:00Z', completionTime: '2030-01-01T00:00:06Z', ready: 0, terminating: 0 });
    expect(j.status.active).toBeUndefined();
    expect(reasons(c, 'Job', 'pi')).toEqual(['SuccessfulCreate', 'Completed']);
  });

  test('pods carry the job-name and controller-uid labels and the Job as controller', () => {
    const c = cluster();
    c.apply(job('pi'));
    c.runFor(500);
    const [pod] = podsOf(c, 'pi');
    const uid = getJob(c, 'pi').metadata.uid;
    expect(pod!.metadata.labels).toMatchObject({
      'job-name': 'pi',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'batch.kubernetes.io/controller-uid': uid,
    });
    expect(pod!.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid, controller: true, blockOwnerDeletion: true }]);
    expect(pod!.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  test('the pods of a non-indexed Job share their spec, labels, owner references and annotations', () => {
    const c = cluster();
    const manifest = job('share', { completions: 3, parallelism: 3 });
    (manifest.spec.template as { metadata?: unknown }).metadata = { annotations: { team: 'batch' } };
    c.apply(manifest);
    c.runFor(500);
    const pods = podsOf(c, 'share');
    expect(pods).toHaveLength(3);
    const [a, b] = pods;
    expect(a!.metadata.annotations).toEqual({ team: 'batch' });
    for (const part of ['labels', 'ownerReferences', 'annotations'] as const) expect(b!.metadata[part]).toBe(a!.metadata[part]);
    expect(b!.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(b!.spec.containers).toBe(a!.spec.containers);
  });

  test('a running pod keeps the job-tracking finalizer until the Job has counted it', () => {
    const c = cluster();
    c.apply(job('pi'));
    c.runFor(2000);
    expect(podsOf(c, 'pi')[0]!.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    c.settle();
    expect(podsOf(c, 'pi')[0]!.metadata.finalizers).toBeUndefined();
  });

  test('completions with parallelism: never more active pods than parallelism or than completions left', () => {
    const c = cluster();
    c.apply(job('batch', { completions: 5, parallelism: 2 }));
    let maxActive = 0;
    c.store.watch(() => {
      const active = podsOf(c, 'batch').filter((p) => !['Succeeded', 'Failed'].includes(p.status?.phase) && !p.metadata.deletionTimestamp).length;
      maxActive = Math.max(maxActive, active);
    });
    c.settle();
    expect(maxActive).toBe(2);
    expect(podsOf(c, 'batch')).toHaveLength(5);
    expect(getJob(c, 'batch').status.succeeded).toBe(5);
    // Waves at 0s, 6s, 12s: the last wave needs only one pod.
    expect(eventTimes(c, 'batch', 'SuccessfulCreate')).toEqual([0, 0, 6, 6, 12]);
  });

  test('a work queue (parallelism without completions) is done once a pod succeeded and none is running', () => {
    const c = cluster([
      { selector: { matchLabels: { 'job-name': 'queue' } }, runFor: 5000 },
    ]);
    c.apply(job('queue', { parallelism: 3 }));
    c.settle();
    const j = getJob(c, 'queue');
    expect(j.spec.completions).toBeUndefined();
    expect(podsOf(c, 'queue')).toHaveLength(3);
    expect(j.status.succeeded).toBe(3);
    expect(conditionTypes(j)).toContain('Complete');
  });

  test('a command `sleep 20` decides how long the pod runs', () => {
    const c = cluster();
    c.apply(job('nap', {}, { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '20'] }] }));
    c.settle();
    expect(getJob(c, 'nap').status.completionTime).toBe('2030-01-01T00:00:21Z');
  });
});

describe('Job: failures and back-off', () => {
  test('restartPolicy Never: a failed pod stays Failed and a replacement is made after the back-off', () => {
    const c = cluster([rule('flaky', { failTimes: 2 })]);
    c.apply(job('flaky'));
    c.settle();
    const pods = podsOf(c, 'flaky');
    expect(pods.map((p) => p.status.phase).sort()).toEqual(['Failed', 'Failed', 'Succeeded']);
    expect(getJob(c, 'flaky').status).toMatchObject({ failed: 2, succeeded: 1 });
    // Each run: 1s start + 5s run. Failures at 6s and 22s; back-offs of 10s then 20s.
    expect(eventTimes(c, 'flaky', 'SuccessfulCreate')).toEqual([0, 16, 42]);
  });

  test('back-off doubles from 10s and is capped at 6 minutes', () => {
    const c = cluster([rule('doomed', { failTimes: 100, runFor: 0 })]);
    c.apply(job('doomed', { backoffLimit: 8 }));
    c.settle();
    const created = eventTimes(c, 'doomed', 'SuccessfulCreate');
    const gaps = created.slice(1).map((t, i) => t - created[i]! - 1); // each pod runs 1s (startup) before failing
    expect(gaps).toEqual([10, 20, 40, 80, 160, 320, 360, 360]);
  });

  test('backoffLimit exceeded: FailureTarget then Failed with reason BackoffLimitExceeded', () => {
    const c = cluster([rule('doomed', { failTimes: 100 })]);
    c.apply(job('doomed', { backoffLimit: 1 }));
    c.settle();
    const j = getJob(c, 'doomed');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.conditions[1]).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(j.status.failed).toBe(2);
    expect(j.status.completionTime).toBeUndefined();
    const warning = c.events.find((e) => e.reason === 'BackoffLimitExceeded');
    expect(warning).toMatchObject({ type: 'Warning', involvedObject: { kind: 'Job', name: 'doomed' } });
  });

  test('when the Job fails, its remaining running pods are terminated and Failed waits for them', () => {
    const index = (ix: string) => ({ matchLabels: { 'job-name': 'mixed', 'batch.kubernetes.io/job-completion-index': ix } });
    const c = cluster([
      { selector: index('0'), failTimes: 1, runFor: 2000 },
      { selector: index('1'), runFor: 60_000, stopTime: 2000 },
    ]);
    c.apply(job('mixed', { backoffLimit: 0, parallelism: 2, completions: 2, completionMode: 'Indexed' }));
    c.settle();
    const j = getJob(c, 'mixed');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    // Index 0 fails at 3s; index 1 is killed then and takes 2s to stop.
    expect(j.status.conditions.map((x: { lastTransitionTime: string }) => x.lastTransitionTime)).toEqual(['2030-01-01T00:00:03Z', '2030-01-01T00:00:05Z']);
    expect(j.status.failed).toBe(2);
    expect(eventTimes(c, 'mixed', 'SuccessfulDelete')).toEqual([3]);
    expect(podsOf(c, 'mixed')).toHaveLength(1);
  });

  test('restartPolicy OnFailure: the container restarts in place and restarts count toward backoffLimit', () => {
    const c = cluster([rule('retry', { failTimes: 100 })]);
    c.apply(job('retry', { backoffLimit: 2 }, { restartPolicy: 'OnFailure' }));
    c.settle();
    const j = getJob(c, 'retry');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.conditions[1].reason).toBe('BackoffLimitExceeded');
    expect(reasons(c, 'Job', 'retry').filter((r) => r === 'SuccessfulCreate')).toHaveLength(1);
    expect(podsOf(c, 'retry')).toHaveLength(0);
  });

  test('restartPolicy OnFailure that recovers: one pod, restartCount kept, Job complete', () => {
    const c = cluster([rule('heal', { failTimes: 2 })]);
    c.apply(job('heal', {}, { restartPolicy: 'OnFailure' }));
    c.settle();
    const [pod] = podsOf(c, 'heal');
    expect(pod!.status.containerStatuses[0].restartCount).toBe(2);
    expect(conditionTypes(getJob(c, 'heal'))).toContain('Complete');
  });

  test('activeDeadlineSeconds: DeadlineExceeded and active pods terminated', () => {
    const c = cluster([rule('slow', { runFor: 600_000 })]);
    c.apply(job('slow', { activeDeadlineSeconds: 30 }));
    c.settle();
    const j = getJob(c, 'slow');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.conditions[0]).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline', lastTransitionTime: '2030-01-01T00:00:30Z' });
    expect(j.status.conditions[1].lastTransitionTime).toBe('2030-01-01T00:00:31Z');
    expect(podsOf(c, 'slow')).toHaveLength(0);
    expect(eventTimes(c, 'slow', 'DeadlineExceeded')).toEqual([31]);
  });

  test('a pod deleted while running counts as failed at once and is replaced once it is gone', () => {
    // Upstream keeps the back-off record in memory and would wait 10s from the deletion; the
    // simulation derives it from the pods that exist, so the replacement comes when the old pod is gone.
    const c = cluster([rule('victim', { runFor: 60_000 })]);
    c.apply(job('victim'));
    c.runFor(5000);
    const [first] = podsOf(c, 'victim');
    c.delete('Pod', 'default', first!.metadata.name);
    c.runFor(100);
    expect(getJob(c, 'victim').status.failed).toBe(1);
    expect(podsOf(c, 'victim').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(0);
    c.runFor(1000);
    expect(podsOf(c, 'victim').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
    expect(eventTimes(c, 'victim', 'SuccessfulCreate')).toEqual([0, 6]);
  });
});

describe('Job: podFailurePolicy', () => {
  const exit = (code: number) => ({ containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', `sleep 2; exit ${code}`] }] });

  test('FailJob on a matching exit code fails the Job with reason PodFailurePolicy', () => {
    const c = cluster();
    c.apply(job('pfp', { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } }] } }, exit(42)));
    c.settle();
    const j = getJob(c, 'pfp');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.conditions[1].reason).toBe('PodFailurePolicy');
    expect(j.status.conditions[1].message).toMatch(/^Container main for pod default\/pfp-\w{5} failed with exit code 42 matching FailJob rule at index 0$/);
  });

  test('Ignore: the failure does not count toward backoffLimit and the pod is replaced', () => {
    const c = cluster([rule('ign', { failTimes: 3, exitCode: 0 })]);
    c.apply(job('ign', { backoffLimit: 0, podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] } }] } }));
    c.settle();
    const j = getJob(c, 'ign');
    expect(conditionTypes(j)).toContain('Complete');
    expect(j.status.failed).toBeUndefined();
    expect(podsOf(c, 'ign')).toHaveLength(4);
  });
});

describe('Job: Indexed completion mode', () => {
  test('each index gets one pod with annotation, label, hostname and JOB_COMPLETION_INDEX', () => {
    const c = cluster();
    c.apply(job('idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    c.runFor(500);
    const pods = podsOf(c, 'idx').sort((a, b) => a.spec.hostname.localeCompare(b.spec.hostname));
    expect(pods.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1', '2']);
    expect(pods.map((p) => p.metadata.labels?.['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1', '2']);
    expect(pods.map((p) => p.spec.hostname)).toEqual(['idx-0', 'idx-1', 'idx-2']);
    expect(pods[1]!.metadata.name).toMatch(/^idx-1-\w{5}$/);
    expect(pods[0]!.spec.containers[0].env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    ]);
  });

  test('status.completedIndexes lists the succeeded indexes as intervals', () => {
    const c = cluster();
    c.apply(job('idx', { completions: 5, parallelism: 2, completionMode: 'Indexed' }));
    c.runFor(6500);
    expect(getJob(c, 'idx').status.completedIndexes).toBe('0,1');
    c.settle();
    expect(getJob(c, 'idx').status).toMatchObject({ completedIndexes: '0-4', succeeded: 5 });
  });

  test('a failed index is retried with the same index', () => {
    const c = cluster([rule('idx', { failTimes: 1 })]);
    c.apply(job('idx', { completions: 2, parallelism: 1, completionMode: 'Indexed' }));
    c.settle();
    const indexes = podsOf(c, 'idx').map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']);
    expect(indexes.sort()).toEqual(['0', '0', '1']);
    expect(getJob(c, 'idx').status.completedIndexes).toBe('0,1');
  });
});

describe('Job: suspend and TTL', () => {
  test('a Job created suspended makes no pods and has no startTime; resuming starts it', () => {
    const c = cluster();
    c.apply(job('later', { suspend: true }));
    c.settle();
    let j = getJob(c, 'later');
    expect(podsOf(c, 'later')).toHaveLength(0);
    expect(j.status.startTime).toBeUndefined();
    expect(j.status.conditions).toEqual([
      { type: 'Suspended', status: 'True', lastProbeTime: '2030-01-01T00:00:00Z', lastTransitionTime: '2030-01-01T00:00:00Z', reason: 'JobSuspended', message: 'Job suspended' },
    ]);
    c.runFor(60_000);
    c.apply({ ...job('later', { suspend: false }) });
    c.settle();
    j = getJob(c, 'later');
    expect(j.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed' });
    expect(j.status.startTime).toBe('2030-01-01T00:01:00Z');
    // As upstream: pods are created (manageJob) before the Resumed event is recorded.
    expect(reasons(c, 'Job', 'later')).toEqual(['Suspended', 'SuccessfulCreate', 'Resumed', 'Completed']);
  });

  test('suspending a running Job deletes its active pods without counting them as failed', () => {
    const c = cluster([rule('pause', { runFor: 60_000 })]);
    c.apply(job('pause', { parallelism: 2, completions: 2 }));
    c.runFor(3000);
    c.apply(job('pause', { parallelism: 2, completions: 2, suspend: true }));
    c.settle();
    const j = getJob(c, 'pause');
    expect(podsOf(c, 'pause')).toHaveLength(0);
    expect(j.status.failed).toBeUndefined();
    expect(reasons(c, 'Job', 'pause').filter((r) => r === 'SuccessfulDelete')).toHaveLength(2);
  });

  test('ttlSecondsAfterFinished deletes the finished Job and its pods after the TTL', () => {
    const c = cluster();
    c.apply(job('short', { ttlSecondsAfterFinished: 30 }));
    c.runFor(35_000);
    expect(c.store.get('Job', 'default', 'short')).toBeDefined();
    c.runFor(2_000);
    expect(c.store.get('Job', 'default', 'short')).toBeUndefined();
    c.settle();
    expect(podsOf(c, 'short')).toHaveLength(0);
    const deleted = c.timeline.entries.find((e) => e.type === 'DELETED' && e.object.kind === 'Job');
    expect((deleted!.time - T0) / 1000).toBe(36);
  });
});

describe('TTL-after-finished controller: what it queues', () => {
  const watch = ttlAfterFinishedController.watches.Job!;
  const done = { conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: '2030-01-01T00:00:06Z' }] };
  const stored = (spec: Record<string, unknown>, status: Record<string, unknown>, deleting = false): Stored =>
    ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '', generation: 1, ...(deleting ? { deletionTimestamp: '2030-01-01T00:00:07Z' } : {}) }, spec, status }) as Stored;
  const store = cluster().store;

  test('as upstream needsCleanup: only a finished Job with ttlSecondsAfterFinished, not being deleted', () => {
    expect(watch({ type: 'ADDED', object: stored({ ttlSecondsAfterFinished: 5 }, {}) }, store)).toEqual([]);
    expect(watch({ type: 'MODIFIED', object: stored({}, done), old: stored({}, {}) }, store)).toEqual([]);
    expect(watch({ type: 'MODIFIED', object: stored({ ttlSecondsAfterFinished: 5 }, done), old: stored({ ttlSecondsAfterFinished: 5 }, {}) }, store)).toEqual(['default/j']);
    expect(watch({ type: 'DELETED', object: stored({ ttlSecondsAfterFinished: 5 }, done) }, store)).toEqual([]);
  });

  test('a Job that stops awaiting cleanup is queued once more, so its pending requeue is withdrawn', () => {
    const awaiting = stored({ ttlSecondsAfterFinished: 5 }, done);
    expect(watch({ type: 'MODIFIED', object: stored({}, done), old: awaiting }, store)).toEqual(['default/j']);
    expect(watch({ type: 'MODIFIED', object: stored({ ttlSecondsAfterFinished: 5 }, done, true), old: awaiting }, store)).toEqual(['default/j']);
  });
});

describe('Job: backoffLimitPerIndex', () => {
  const onIndex = (ix: string, r: Record<string, number>) => ({
    selector: { matchLabels: { 'job-name': 'per', 'batch.kubernetes.io/job-completion-index': ix } },
    ...r,
  });

  test('an index failing more than backoffLimitPerIndex times is failed; the others still complete', () => {
    const c = cluster([onIndex('1', { failTimes: 100 })]);
    c.apply(job('per', { completions: 3, parallelism: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1 }));
    c.settle();
    const j = getJob(c, 'per');
    expect(j.status).toMatchObject({ completedIndexes: '0,2', failedIndexes: '1', succeeded: 2, failed: 2 });
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.conditions[1]).toMatchObject({ reason: 'FailedIndexes', message: 'Job has failed indexes' });
    const index1 = podsOf(c, 'per')
      .filter((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] === '1')
      .map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-index-failure-count']);
    expect(index1).toEqual(['0', '1']);
    // The retry of index 1 waits its own 10s back-off after the failure at 6s.
    expect(eventTimes(c, 'per', 'SuccessfulCreate')).toEqual([0, 0, 0, 16]);
  });

  test('maxFailedIndexes exceeded fails the Job at once and stops the other indexes', () => {
    const c = cluster([onIndex('0', { failTimes: 100, runFor: 1000 }), { selector: { matchLabels: { 'job-name': 'per' } }, runFor: 60_000 }]);
    c.apply(job('per', { completions: 3, parallelism: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1, maxFailedIndexes: 0 }));
    c.settle();
    const j = getJob(c, 'per');
    expect(j.status.conditions[1]).toMatchObject({ type: 'Failed', reason: 'MaxFailedIndexesExceeded' });
    // Index 0 fails at 2s and, after its 10s back-off, again at 14s; the others are then stopped.
    // (Their pods were on their first try, below the per-index limit: their indexes are not failed.)
    expect(j.status.failedIndexes).toBe('0');
    expect(eventTimes(c, 'per', 'SuccessfulDelete')).toEqual([14, 14]);
  });
});

describe('Job: successPolicy', () => {
  test('the Job succeeds once the listed indexes succeeded; lingering pods are stopped, not counted as failed', () => {
    const c = cluster([
      { selector: { matchLabels: { 'job-name': 'lead', 'batch.kubernetes.io/job-completion-index': '0' } }, runFor: 2000 },
      { selector: { matchLabels: { 'job-name': 'lead' } }, runFor: 60_000 },
    ]);
    c.apply(job('lead', { completions: 3, parallelism: 3, completionMode: 'Indexed', successPolicy: { rules: [{ succeededIndexes: '0' }] } }));
    c.settle();
    const j = getJob(c, 'lead');
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(j.status.conditions[1]).toMatchObject({ reason: 'SuccessPolicy', message: 'Matched rules at index 0', lastTransitionTime: '2030-01-01T00:00:04Z' });
    expect(j.status).toMatchObject({ completedIndexes: '0', succeeded: 1 });
    expect(j.status.failed).toBeUndefined();
    expect(eventTimes(c, 'lead', 'SuccessfulDelete')).toEqual([3, 3]);
  });
});
