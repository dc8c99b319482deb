import { parseAllDocuments } from 'yaml';
import { describe, expect, test } from 'vitest';
import { mutants } from '../../../src/course/lint/mutate.js';

const sts = (extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  podManagementPolicy: Parallel
${extra}  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      tolerations:
        - key: dedicated
          operator: Exists
      containers:
        - name: db
          image: postgres:16
`;

const js = (text: string) => parseAllDocuments(text).map((d) => d.toJS());

describe('mutants of a reference solution', () => {
  test('each mutant changes exactly one essential field, with the line of that field', () => {
    const ms = mutants(sts(), '', 10);
    const byField = Object.fromEntries(ms.map((m) => [m.description.split(' ')[0], m]));
    expect(js(byField['spec.replicas']!.text)[0].spec.replicas).toBe(2);
    expect(byField['spec.replicas']!.line).toBe(7);
    expect(js(byField['spec.podManagementPolicy']!.text)[0].spec.podManagementPolicy).toBe('OrderedReady');
    expect(js(byField['spec.template.spec.tolerations']!.text)[0].spec.template.spec.tolerations).toBeUndefined();
    expect(js(byField['spec.template.spec.containers[0].image']!.text)[0].spec.template.spec.containers[0].image).toBe('postgres:mutant');
  });

  test('the selector label is changed in the selector and the template together', () => {
    const relabel = mutants(sts(), '', 10).find((m) => m.description.startsWith('pod label'))!;
    const obj = js(relabel.text)[0];
    expect(obj.spec.selector.matchLabels.app).toBe('db-x');
    expect(obj.spec.template.metadata.labels.app).toBe('db-x');
  });

  test('mutants are capped and deterministic', () => {
    expect(mutants(sts(), '', 2)).toHaveLength(2);
    expect(mutants(sts(), '', 5)).toEqual(mutants(sts(), '', 5));
  });

  test('fields the starter already has right come after the fields the task asks for', () => {
    const starter = sts().replace('  podManagementPolicy: Parallel\n', '');
    expect(mutants(sts(), starter, 1)[0]!.description).toMatch(/^spec.podManagementPolicy/);
  });

  test('removing a field set to its API default is not a mutant', () => {
    const ms = mutants(sts('  revisionHistoryLimit: 10\n'), '', 50);
    expect(ms.some((m) => m.description.startsWith('spec.revisionHistoryLimit'))).toBe(false);
  });

  test('text that is not YAML has no mutants', () => {
    expect(mutants('a: [', '', 5)).toEqual([]);
  });
});
