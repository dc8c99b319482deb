import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { NodeRanking, leastAllocated, preferred } from '../../../src/runtime/scheduler/ranking.js';
import type { NodeEntry } from '../../../src/runtime/scheduler/ranking.js';
import { resourcesFit } from '../../../src/runtime/scheduler/filters.js';
import type { Requests } from '../../../src/runtime/scheduler/filters.js';
import type { Stored } from '../../../src/runtime/api/types.js';

function entry(name: string, cpu: number, memory: number, pods: number): NodeEntry {
  return {
    node: { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '', generation: 1 } } as unknown as Stored,
    usage: { requested: { cpu: 0, memory: 0 }, nonZero: { cpu: 0, memory: 0 }, pods: 0 },
    cap: { cpu, memory, pods },
    open: true,
  };
}

/** What a full pass over the nodes chooses: the preferred node among those that fit. */
function bruteForce(nodes: NodeEntry[], req: Requests, nonZero: Requests): NodeEntry | undefined {
  let best: NodeEntry | undefined;
  let bestScore = 0;
  for (const n of nodes) {
    if (resourcesFit(req, n.usage, n.cap).length) continue;
    const s = leastAllocated(nonZero, n.usage, n.cap);
    if (!best || preferred(n, s, best, bestScore)) {
      best = n;
      bestScore = s;
    }
  }
  return best;
}

describe('node ranking', () => {
  it('chooses what a full pass chooses while pods are bound to and leave the nodes', () => {
    const node = fc.record({ cpu: fc.constantFrom(1000, 2000, 4000), memory: fc.constantFrom(2 ** 30, 2 ** 32), pods: fc.integer({ min: 1, max: 6 }) });
    const op = fc.record({ bind: fc.boolean(), node: fc.nat(), cpu: fc.constantFrom(0, 100, 500) });
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 8 }), fc.array(op, { maxLength: 60 }), (caps, ops) => {
        const nodes = caps.map((c, i) => entry(`node-${String.fromCharCode(97 + ((i * 5) % 8))}${i}`, c.cpu, c.memory, c.pods));
        const nonZero = { cpu: 100, memory: 200 * 2 ** 20 };
        const req = { cpu: 0, memory: 0 };
        const ranking = new NodeRanking(nodes, nonZero);
        for (const o of ops) {
          const want = bruteForce(nodes, req, nonZero);
          expect(ranking.best(req)).toBe(want);
          // Bind to the chosen node, or free a pod somewhere: the scheduler's usage accounting.
          const target = o.bind ? want : nodes[o.node % nodes.length];
          if (!target || (!o.bind && target.usage.pods === 0)) continue;
          const by = o.bind ? 1 : -1;
          target.usage.pods += by;
          target.usage.nonZero.cpu += by * nonZero.cpu;
          target.usage.nonZero.memory += by * nonZero.memory;
          ranking.touched(target.node.metadata.name);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('serves pods of equal non-zero requests on the same nodes only', () => {
    const nodes = [entry('a', 1000, 2 ** 30, 4)];
    const ranking = new NodeRanking(nodes, { cpu: 100, memory: 5 });
    expect(ranking.serves(nodes, { cpu: 100, memory: 5 })).toBe(true);
    expect(ranking.serves(nodes, { cpu: 200, memory: 5 })).toBe(false);
    expect(ranking.serves([...nodes], { cpu: 100, memory: 5 })).toBe(false);
  });
});
