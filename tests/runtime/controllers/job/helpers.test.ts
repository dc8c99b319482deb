import { describe, expect, test } from 'vitest';
import { backoffDelay, backoffRecord, remainingBackoff } from '../../../../src/runtime/controllers/job/backoff.js';
import { completionIndexOf, firstPendingIndexes, formatIndexes, parseIndexes, podGenerateNameWithIndex } from '../../../../src/runtime/controllers/job/indexes.js';
import { matchPodFailurePolicy, type FailedPodView } from '../../../../src/runtime/controllers/job/pod-failure-policy.js';
import { matchSuccessPolicy } from '../../../../src/runtime/controllers/job/success-policy.js';

describe('pod failure back-off', () => {
  test.each([
    [0, 0],
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [6, 320_000],
    [7, 360_000],
    [50, 360_000],
  ])('after %i failures the delay is %i ms', (failures, delay) => {
    expect(backoffDelay(failures)).toBe(delay);
  });

  test('only failures after the last success count', () => {
    const r = backoffRecord([
      { succeeded: false, finishedAt: 1000 },
      { succeeded: true, finishedAt: 2000 },
      { succeeded: false, finishedAt: 3000 },
      { succeeded: false, finishedAt: 4000 },
    ]);
    expect(r).toEqual({ failuresAfterLastSuccess: 2, lastFailureTime: 4000 });
  });

  test('the wait is counted from the last failure', () => {
    expect(remainingBackoff({ failuresAfterLastSuccess: 2, lastFailureTime: 1000 }, 6000)).toBe(15_000);
    expect(remainingBackoff({ failuresAfterLastSuccess: 2, lastFailureTime: 1000 }, 30_000)).toBe(0);
    expect(remainingBackoff({ failuresAfterLastSuccess: 0 }, 30_000)).toBe(0);
  });
});

describe('completion indexes', () => {
  test.each([
    [[], ''],
    [[0], '0'],
    [[1, 3, 4, 5], '1,3-5'],
    [[3, 4], '3,4'],
    [[0, 1, 2, 7, 9, 10], '0-2,7,9,10'],
  ])('%j is written %j', (ixs, text) => {
    expect(formatIndexes(ixs)).toBe(text);
  });

  test('parsing keeps indexes below completions', () => {
    expect(parseIndexes('1,3-5,9', 5)).toEqual([1, 3, 4]);
    expect(parseIndexes(undefined, 5)).toEqual([]);
  });

  test('index annotation', () => {
    expect(completionIndexOf({ 'batch.kubernetes.io/job-completion-index': '3' })).toBe(3);
    expect(completionIndexOf({ 'batch.kubernetes.io/job-completion-index': 'x' })).toBeUndefined();
    expect(completionIndexOf(undefined)).toBeUndefined();
  });

  test('the lowest free indexes are created first', () => {
    expect(firstPendingIndexes(6, new Set([0, 2]), 3)).toEqual([1, 3, 4]);
    expect(firstPendingIndexes(3, new Set([0, 1, 2]), 3)).toEqual([]);
  });

  test('pod name prefix carries the index', () => {
    expect(podGenerateNameWithIndex('pi', 4)).toBe('pi-4-');
    expect(podGenerateNameWithIndex('x'.repeat(60), 12)).toBe(`${'x'.repeat(54)}-12-`);
  });
});

describe('podFailurePolicy', () => {
  const pod = (exitCode: number, conditions: { type: string; status: string }[] = []): FailedPodView => ({
    name: 'p',
    namespace: 'default',
    containerStatuses: [{ name: 'main', state: { terminated: { exitCode } } }],
    conditions,
  });
  const policy = {
    rules: [
      { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } },
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
      { action: 'Count', onExitCodes: { operator: 'NotIn', values: [0, 1] } },
    ],
  };

  test('FailJob on a listed exit code, with the upstream message', () => {
    expect(matchPodFailurePolicy(policy, pod(42))).toEqual({
      countFailed: true,
      action: 'FailJob',
      failJobMessage: 'Container main for pod default/p failed with exit code 42 matching FailJob rule at index 0',
    });
  });

  test('Ignore does not count toward backoffLimit', () => {
    expect(matchPodFailurePolicy(policy, pod(1, [{ type: 'DisruptionTarget', status: 'True' }]))).toEqual({ countFailed: false, action: 'Ignore' });
  });

  test('NotIn matches other non-zero codes', () => {
    expect(matchPodFailurePolicy(policy, pod(3))).toEqual({ countFailed: true, action: 'Count' });
  });

  test('no rule matches: counted, no action', () => {
    expect(matchPodFailurePolicy(policy, pod(1))).toEqual({ countFailed: true });
    expect(matchPodFailurePolicy(undefined, pod(42))).toEqual({ countFailed: true });
  });
});

describe('successPolicy', () => {
  const done = new Set([0, 2, 3]);
  test.each([
    [[{ succeededIndexes: '0,2' }], 'Matched rules at index 0'],
    [[{ succeededIndexes: '0-2' }], undefined],
    [[{ succeededIndexes: '0-3', succeededCount: 3 }], 'Matched rules at index 0'],
    [[{ succeededIndexes: '1,4' }, { succeededCount: 3 }], 'Matched rules at index 1'],
    [[{ succeededCount: 4 }], undefined],
  ])('rules %j give %j', (rules, expected) => {
    expect(matchSuccessPolicy({ rules }, 5, done)).toBe(expected);
  });
});
