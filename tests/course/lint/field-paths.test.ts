import { describe, expect, test } from 'vitest';
import { checkFieldPath } from '../../../src/course/lint/field-paths.js';

describe('field paths in checks are checked against the kind they select', () => {
  test.each([
    ['Deployment', 'spec.replicas'],
    ['Deployment', 'spec.template.spec.containers[0].image'],
    ['Deployment', 'spec.template.spec.containers.0.image'],
    ['Pod', 'metadata.labels.app'],
    ['Pod', 'spec.nodeName'],
    ['StatefulSet', 'status.readyReplicas'],
    ['Job', 'status.succeeded'],
    ['CronJob', 'spec.jobTemplate.spec.template.spec.restartPolicy'],
    ['Node', 'spec.unschedulable'],
    ['Pod', 'ready'],
    ['Deployment', 'conditions.Available'],
  ])('%s %s exists', (kind, path) => {
    expect(checkFieldPath(kind, path)).toBeUndefined();
  });

  test('a misspelt spec field is an error with a suggestion', () => {
    expect(checkFieldPath('StatefulSet', 'spec.podManagmentPolicy')).toEqual({ severity: 'error', message: expect.stringContaining("did you mean 'podManagementPolicy'?") });
  });

  test('a status field of another kind is an error', () => {
    expect(checkFieldPath('Job', 'status.readyReplicas')?.severity).toBe('error');
  });

  test('a list needs an index before its items’ fields', () => {
    expect(checkFieldPath('Pod', 'spec.containers.image')?.message).toContain("'containers' is a list");
  });

  test('a scalar has no fields', () => {
    expect(checkFieldPath('Deployment', 'spec.replicas.count')?.severity).toBe('error');
  });

  test('an unknown condition type is a warning (conditions may be custom)', () => {
    expect(checkFieldPath('Job', 'conditions.Completed')).toEqual({ severity: 'warning', message: expect.stringContaining("did you mean 'conditions.Complete'?") });
  });
});

describe('field paths of a kind named after an Object.prototype member', () => {
  test.each(['constructor', '__proto__', 'toString'])('%s: conditions and status paths give no verdict and no exception', (kind) => {
    expect(checkFieldPath(kind, 'conditions.Ready')).toBeUndefined();
    expect(checkFieldPath(kind, 'status.replicas')).toBeUndefined();
  });
});
