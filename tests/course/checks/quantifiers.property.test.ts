import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateChecks } from '../../../src/course/checks/evaluate.js';
import type { KubeLike } from '../../../src/course/types.js';
import { check } from '../check-parse.js';
import { pod, sim } from '../timeline-helpers.js';

// Random histories of up to 6 pods being added, made ready or not, and deleted, over a few seconds.
const history = fc.array(fc.record({ t: fc.integer({ min: 0, max: 20 }), pod: fc.integer({ min: 0, max: 5 }), op: fc.constantFrom('set', 'delete'), ready: fc.boolean() }), { minLength: 1, maxLength: 30 });

function build(ops: { t: number; pod: number; op: string; ready: boolean }[]) {
  const live = new Map<number, KubeLike>();
  const changes: [number, 'ADDED' | 'MODIFIED' | 'DELETED', KubeLike][] = [];
  for (const o of [...ops].sort((a, b) => a.t - b.t)) {
    const existing = live.get(o.pod);
    if (o.op === 'delete') {
      if (existing) changes.push([o.t, 'DELETED', existing]);
      live.delete(o.pod);
    } else {
      const p = pod(`p-${o.pod}`, { labels: { app: 'web' }, phase: 'Running', ready: o.ready });
      changes.push([o.t, existing ? 'MODIFIED' : 'ADDED', p]);
      live.set(o.pod, p);
    }
  }
  return { s: sim(changes), finalReady: [...live.values()].filter((p) => (p.status as { conditions: { status: string }[] }).conditions[0]!.status === 'True').length };
}

describe('time quantifiers agree with each other', () => {
  test('always ⇒ end and ever; not ever ⇒ not always; end counts the final state', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (ops, a, b) => {
        const [min, max] = [Math.min(a, b), Math.max(a, b)];
        const sel = `select: { kind: Pod, selector: { app: web }, where: { ready: true } }, count: { min: ${min}, max: ${max} }`;
        const { s, finalReady } = build(ops);
        const [end, always, ever] = evaluateChecks([check(`- { ${sel} }`), check(`- { ${sel}, when: always }`), check(`- { ${sel}, when: ever }`)], s);
        expect(end!.passed).toBe(finalReady >= min && finalReady <= max);
        if (always!.passed) expect(end!.passed && ever!.passed).toBe(true);
        if (!ever!.passed) expect(always!.passed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
