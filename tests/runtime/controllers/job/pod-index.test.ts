import { describe, expect, test } from 'vitest';
import type { Cluster } from '../../../../src/runtime/cluster.js';
import type { PodRule } from '../../../../src/runtime/kubelet/rules.js';
import type { Stored } from '../../../../src/runtime/api/types.js';
import { controllerRef } from '../../../../src/runtime/api/types.js';
import { jobController } from '../../../../src/runtime/controllers/job/index.js';
import { JobPodIndex, jobPodIndex } from '../../../../src/runtime/controllers/job/pod-index.js';
import { finishedAt, hasTrackingFinalizer, isTerminal } from '../../../../src/runtime/controllers/job/pods.js';
import { cluster, job, rule } from './fixtures.js';
import { clusterCheckingIndex, type IndexChecks } from '../index-check.js';

/** What the index must give: the Job's pods in store order, less the counted succeeded ones. */
function expected(c: Cluster, jobUid: string): { pods: string[]; lastSuccess: number | undefined } {
  const mine = c.store.dependentsOf(jobUid, 'Pod').filter((p) => controllerRef(p)?.uid === jobUid) as Stored<never>[];
  const counted = (p: Stored<never>): boolean => isTerminal(p) && !hasTrackingFinalizer(p);
  const succeeded = mine.filter((p) => counted(p) && (p.status as { phase?: string } | undefined)?.phase === 'Succeeded');
  return {
    pods: mine.filter((p) => !succeeded.includes(p)).map((p) => p.metadata.name),
    lastSuccess: succeeded.length === 0 ? undefined : Math.max(...succeeded.map((p) => finishedAt(p))),
  };
}

function actual(index: JobPodIndex, jobUid: string): { pods: string[]; lastSuccess: number | undefined } {
  return { pods: index.podsOf(jobUid).map((p) => p.metadata.name), lastSuccess: index.lastSuccessAt(jobUid) };
}

/** A cluster whose Job controller checks, before each sync, that the index agrees with the store. */
function checkedCluster(podRules: PodRule[]): { c: Cluster; seen: IndexChecks } {
  return clusterCheckingIndex(
    jobController,
    'Job',
    (c, j) => ({ want: JSON.stringify(expected(c, j.metadata.uid)), got: JSON.stringify(actual(jobPodIndex(c.store), j.metadata.uid)) }),
    { podRules },
  );
}

describe('the Job controller pod index', () => {
  test('follows the store through failures, successes, back-off and a scale-down', () => {
    const { c, seen } = checkedCluster([rule('mixed', { failTimes: 3, runFor: 2000 })]);
    c.apply(job('mixed', { completions: 8, parallelism: 4, backoffLimit: 10 }));
    c.runFor(30_000);
    c.apply(job('mixed', { completions: 8, parallelism: 1, backoffLimit: 10 }));
    c.settle();
    expect(seen.checks).toBeGreaterThan(10);
    expect(seen.mismatches).toEqual([]);
  });

  test('follows Indexed Jobs with backoffLimitPerIndex and deleted pods', () => {
    const { c, seen } = checkedCluster([rule('ix', { failTimes: 4, runFor: 3000 })]);
    c.apply(job('ix', { completions: 5, parallelism: 5, completionMode: 'Indexed', backoffLimitPerIndex: 1 }));
    c.runFor(4500);
    c.deleteBySelector('Pod', 'default', { matchLabels: { 'job-name': 'ix' } }, 2);
    c.settle();
    expect(seen.checks).toBeGreaterThan(20);
    expect(seen.mismatches).toEqual([]);
  });

  test('drops the pods of a deleted Job', () => {
    const c = cluster([rule('gone', { runFor: 1000 })]);
    c.apply(job('gone', { completions: 3 }));
    c.settle();
    const uid = c.store.get('Job', 'default', 'gone')!.metadata.uid;
    expect(jobPodIndex(c.store).lastSuccessAt(uid)).toBeDefined();
    c.delete('Job', 'default', 'gone', { propagationPolicy: 'Foreground' });
    c.settle();
    expect(actual(jobPodIndex(c.store), uid)).toEqual({ pods: [], lastSuccess: undefined });
  });

  test('an index built over a running cluster starts from what the store holds', () => {
    const c = cluster([rule('late', { failTimes: 1, runFor: 2000 })]);
    c.apply(job('late', { completions: 6, parallelism: 2 }));
    c.runFor(9000);
    const uid = c.store.get('Job', 'default', 'late')!.metadata.uid;
    expect(actual(new JobPodIndex(c.store), uid)).toEqual(expected(c, uid));
  });
});
