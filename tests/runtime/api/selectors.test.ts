import { describe, it, expect } from 'vitest';
import { matchesSelector, labelsMatch } from '../../../src/runtime/api/selectors.js';

describe('label selectors (apimachinery labels)', () => {
  const labels = { app: 'web', tier: 'front' };
  it.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'db' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, true],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, false],
  ])('selector %j matches {app: web, tier: front}: %s', (selector, want) => {
    expect(matchesSelector(labels, selector)).toBe(want);
  });

  it('an empty selector selects everything', () => {
    expect(matchesSelector({}, {})).toBe(true);
  });

  it('a missing selector selects nothing', () => {
    expect(matchesSelector(labels, undefined)).toBe(false);
  });

  it('nodeSelector-style maps need every pair', () => {
    expect(labelsMatch(labels, { app: 'web', tier: 'front' })).toBe(true);
    expect(labelsMatch(labels, { app: 'web', disk: 'ssd' })).toBe(false);
  });
});
