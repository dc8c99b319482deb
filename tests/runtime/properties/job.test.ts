// Invariants of the Job controller over random Jobs and pod behaviour, checked after every change
// in the timeline: succeeded never exceeds completions, active pods never exceed parallelism nor
// the completions still needed, and every Job finishes.
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../../../src/runtime/index.js';
import type { KubeObject } from '../../../src/runtime/api/types.js';

const jobArb = fc.record({
  completions: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  parallelism: fc.integer({ min: 1, max: 5 }),
  indexed: fc.boolean(),
  restartPolicy: fc.constantFrom('Never', 'OnFailure'),
  backoffLimit: fc.integer({ min: 0, max: 6 }),
  failTimes: fc.integer({ min: 0, max: 5 }),
  runForS: fc.integer({ min: 1, max: 20 }),
  backoffLimitPerIndex: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
});

test('property: succeeded ≤ completions and active ≤ min(parallelism, completions left) at every instant', () => {
  fc.assert(
    fc.property(jobArb, (j) => {
      const indexed = j.indexed && j.completions !== undefined;
      const c = createCluster({ podRules: [{ selector: { matchLabels: { 'job-name': 'p' } }, failTimes: j.failTimes, runFor: j.runForS * 1000 }] });
      const spec: Record<string, unknown> = { parallelism: j.parallelism, backoffLimit: j.backoffLimit };
      if (j.completions !== undefined) spec.completions = j.completions;
      if (indexed) spec.completionMode = 'Indexed';
      if (indexed && j.backoffLimitPerIndex !== undefined && j.restartPolicy === 'Never') spec.backoffLimitPerIndex = j.backoffLimitPerIndex;
      const manifest: KubeObject = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'p' },
        spec: { ...spec, template: { spec: { restartPolicy: j.restartPolicy, containers: [{ name: 'm', image: 'busybox:1.36' }] } } },
      };
      c.apply(manifest);
      const pods = new Map<string, KubeObject>();
      let checked = 0;
      c.store.watch((change) => {
        const o = change.object;
        if (o.kind === 'Pod') {
          if (change.type === 'DELETED') pods.delete(o.metadata.name);
          else pods.set(o.metadata.name, o);
        }
        const live = [...pods.values()];
        const active = live.filter((p) => !['Succeeded', 'Failed'].includes(p.status?.phase) && !p.metadata.deletionTimestamp).length;
        const succeededPods = live.filter((p) => p.status?.phase === 'Succeeded').length;
        expect(active).toBeLessThanOrEqual(j.parallelism);
        if (j.completions !== undefined && !indexed) expect(active + succeededPods).toBeLessThanOrEqual(j.completions);
        if (o.kind === 'Job' && j.completions !== undefined) expect(o.status?.succeeded ?? 0).toBeLessThanOrEqual(j.completions);
        checked++;
      });
      c.settle();
      expect(checked).toBeGreaterThan(0);
      const done = ((c.store.get('Job', 'default', 'p')!.status?.conditions ?? []) as { type: string; status: string }[]).filter(
        (x) => x.status === 'True' && (x.type === 'Complete' || x.type === 'Failed'),
      );
      expect(done).toHaveLength(1);
    }),
    { numRuns: 40 },
  );
});
