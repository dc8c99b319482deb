import { describe, it, expect } from 'vitest';
import { createCluster } from '../../src/runtime/index.js';
import { deployment } from './helpers.js';

describe('node lifecycle', () => {
  it("a removed node's pods are gone and their ReplicaSet replaces them on other nodes", () => {
    const c = createCluster({ nodes: 3 });
    c.apply(deployment({ replicas: 6 }));
    c.settle();
    const lost = c.store.podsOnNode('node-2').map((p) => p.metadata.name);
    expect(lost.length).toBeGreaterThan(0);
    c.removeNode('node-2');
    c.settle();
    const pods = c.store.list('Pod');
    expect(pods).toHaveLength(6);
    for (const p of pods) {
      expect(p.spec.nodeName).not.toBe('node-2');
      expect(lost).not.toContain(p.metadata.name);
    }
  });

  it('nodes from a count are node-1..node-N with cpu 4, memory 16Gi, pods 110', () => {
    const c = createCluster({ nodes: 2 });
    const nodes = c.store.list('Node');
    expect(nodes.map((n) => n.metadata.name)).toEqual(['node-1', 'node-2']);
    expect(nodes[0]!.status.capacity).toEqual({ cpu: '4', memory: '16Gi', pods: '110' });
    expect(nodes[0]!.metadata.namespace).toBeUndefined();
  });
});
