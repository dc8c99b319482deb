import { describe, it, expect } from 'vitest';
import { resourcesFit } from '../../../src/runtime/scheduler/filters.js';

const cap = { cpu: 1000, memory: 1000, pods: 2 };
const usage = (pods: number, cpu: number, memory: number) => ({ pods, requested: { cpu, memory }, nonZero: { cpu, memory } });

describe('NodeResourcesFit', () => {
  it('a pod that fits gets no reason', () => {
    expect(resourcesFit({ cpu: 500, memory: 500 }, usage(1, 500, 500), cap)).toEqual([]);
  });

  it('reports every insufficiency, in the order pods, cpu, memory', () => {
    expect(resourcesFit({ cpu: 600, memory: 600 }, usage(2, 500, 500), cap)).toEqual(['Too many pods', 'Insufficient cpu', 'Insufficient memory']);
    expect(resourcesFit({ cpu: 600, memory: 100 }, usage(0, 500, 500), cap)).toEqual(['Insufficient cpu']);
    expect(resourcesFit({ cpu: 0, memory: 600 }, usage(2, 500, 500), cap)).toEqual(['Too many pods', 'Insufficient memory']);
  });

  it('a resource the pod does not request never keeps it off a node, even on an overcommitted node', () => {
    expect(resourcesFit({ cpu: 0, memory: 0 }, usage(0, 5000, 5000), cap)).toEqual([]);
  });

  it('the same insufficiencies give the same shared list (the scheduler counts them by list)', () => {
    expect(resourcesFit({ cpu: 0, memory: 0 }, usage(2, 0, 0), cap)).toBe(resourcesFit({ cpu: 1, memory: 1 }, usage(5, 0, 0), cap));
  });
});
