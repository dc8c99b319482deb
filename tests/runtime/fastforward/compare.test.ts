// The differential harness itself must be able to fail, and say where: a difference at one timeline
// entry, a missing entry, a changed key order or a changed clock is reported with its index and path.
import { describe, expect, test } from 'vitest';
import { differences, pathOfDifference, runBoth } from './compare.js';
import { cronJob, scenario } from './builders.js';
import type { SimulationResult } from '../../../src/runtime/scenario/engine.js';

/** A small real result (10 minutes of an every-minute CronJob) and an independent copy to tamper with. */
function resultAndCopy(): [SimulationResult, SimulationResult] {
  const { reference } = runBoth([cronJob()], scenario({ steps: ['wait: 10m'] }), 1);
  const copy: SimulationResult = {
    ...reference,
    items: structuredClone(reference.items),
    events: structuredClone(reference.events),
    timeline: structuredClone(reference.timeline),
    steps: structuredClone(reference.steps),
    warnings: [...reference.warnings],
  };
  return [reference, copy];
}

describe('differential harness', () => {
  test('identical results have no differences', () => {
    const [a, b] = resultAndCopy();
    expect(a.timeline.length).toBeGreaterThan(20);
    expect(differences(a, b)).toEqual([]);
  });

  test('a changed pod IP in one timeline entry is reported with its index and path', () => {
    const [a, b] = resultAndCopy();
    const i = b.timeline.findIndex((e) => e.object.kind === 'Pod' && typeof e.object.status?.podIP === 'string');
    expect(i).toBeGreaterThanOrEqual(0);
    b.timeline[i]!.object.status!.podIP = '10.9.9.9';
    const report = differences(a, b);
    expect(report).toHaveLength(1);
    expect(report[0]).toContain(`timeline[${i}] differs`);
    expect(report[0]).toContain('.object.status.podIP');
    expect(report[0]).toContain('10.9.9.9');
  });

  test('a missing last timeline entry is reported as a length difference after an agreeing prefix', () => {
    const [a, b] = resultAndCopy();
    b.timeline.pop();
    const report = differences(a, b);
    expect(report).toHaveLength(1);
    expect(report[0]).toContain(`the first ${b.timeline.length} agree`);
  });

  test('the same keys in another order are a difference', () => {
    const [a, b] = resultAndCopy();
    const item = b.items[0]!;
    const { name, ...rest } = item.metadata;
    expect(Object.keys(item.metadata)[0]).toBe('name');
    b.items[0] = { ...item, metadata: { ...rest, name } };
    const report = differences(a, b);
    expect(report).toHaveLength(1);
    expect(report[0]).toContain('items[0] differs');
    expect(report[0]).toContain('.metadata: keys');
  });

  test('a different clock, event message and warning are each reported', () => {
    const [a, b] = resultAndCopy();
    b.clock = '2099-01-01T00:00:00Z';
    b.events[b.events.length - 1] = { ...b.events[b.events.length - 1]!, message: 'changed' };
    b.warnings.push('extra');
    const report = differences(a, b).join('\n');
    expect(report).toContain('clock:');
    expect(report).toContain(`events[${b.events.length - 1}] differs`);
    expect(report).toContain('warnings: 0 step-by-step vs 1 fast-forward');
  });

  test('the path of a difference goes through arrays and objects to the leaf', () => {
    expect(pathOfDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('.a[1].b: 2 ≠ 3');
  });
});
