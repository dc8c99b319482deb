import { describe, it, expect } from 'vitest';
import { resolveFenceposts, scaledValue, newRSNewReplicas, proportion } from '../../../../src/runtime/controllers/deployment/util.js';
import { maxScaledDown } from '../../../../src/runtime/controllers/deployment/rolling.js';

describe('rollout math (deployment_util.go)', () => {
  it.each([
    // maxSurge, maxUnavailable, replicas → surge, unavailable
    ['25%', '25%', 10, 3, 2], // surge rounds up (2.5 → 3), unavailable rounds down (2.5 → 2)
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 1, 1, 0],
    [0, 0, 5, 0, 1], // both zero would never progress: unavailable becomes 1
    ['0%', '0%', 3, 0, 1],
    [2, 1, 5, 2, 1],
    ['50%', 0, 3, 2, 0],
    ['100%', '100%', 3, 3, 3],
  ])('ResolveFenceposts(%j, %j, %d) = surge %d, unavailable %d', (s, u, n, surge, unavailable) => {
    expect(resolveFenceposts(s, u, n)).toEqual({ surge, unavailable });
  });

  it('percentages scale against the desired count; integers pass through', () => {
    expect(scaledValue('10%', 15, true)).toBe(2);
    expect(scaledValue('10%', 15, false)).toBe(1);
    expect(scaledValue(4, 15, true)).toBe(4);
  });

  it.each([
    // desired, surge, sum of all spec.replicas, new RS replicas → new size
    [10, 3, 10, 0, 3], // room of 3 above desired
    [10, 3, 13, 3, 3], // no room left
    [10, 3, 11, 3, 5], // old shrank by 2 → grow 2
    [10, 3, 5, 8, 10], // never beyond desired
    [3, 0, 3, 0, 0], // no surge: wait for old pods to go first
  ])('NewRSNewReplicas(rolling, desired %d, surge %d, all %d, new %d) = %d', (desired, surge, all, cur, want) => {
    expect(newRSNewReplicas('RollingUpdate', desired, surge, all, cur)).toBe(want);
  });

  it('Recreate scales the new ReplicaSet straight to the desired count', () => {
    expect(newRSNewReplicas('Recreate', 5, 0, 5, 0)).toBe(5);
  });

  it.each([
    // all spec, desired, maxUnavailable, new spec, new available → room
    [13, 10, 2, 3, 0, 2], // 13 - 8 - 3 unavailable new = 2
    [13, 10, 2, 3, 3, 5],
    [10, 10, 0, 1, 0, -1], // nothing may go until the new pod is available
  ])('maxScaledDown(all %d, desired %d, maxUnavailable %d, new %d, newAvailable %d) = %d', (all, d, mu, ns, na, want) => {
    expect(maxScaledDown(all, d, mu, ns, na)).toBe(want);
  });

  it('proportional scaling gives each ReplicaSet its share, capped by what is left to add', () => {
    // Deployment 10 → 20 (surge 3 → max 23) while an RS of 6 was sized against max-replicas 13
    expect(proportion(6, 13, 20, 5, 10, 10, 0)).toBe(Math.round((6 * 25) / 13) - 6);
    expect(proportion(6, 13, 20, 5, 10, 2, 0)).toBe(2);
    expect(proportion(0, 13, 20, 5, 10, 10, 0)).toBe(0);
  });

  it('scaling a Deployment to zero takes every replica away', () => {
    expect(proportion(4, 5, 0, 0, 4, -4, 0)).toBe(-4);
  });
});
