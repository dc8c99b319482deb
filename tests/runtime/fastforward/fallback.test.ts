// The safety net: a cluster that does not come out of a fast-forward as its learned cycle foretold is
// refused (FastForwardDiverged), and simulate() then gives the step-by-step result.
import { describe, expect, test } from 'vitest';
import { createCluster } from '../../../src/runtime/cluster.js';
import { controllers } from '../../../src/runtime/controllers/index.js';
import type { Controller } from '../../../src/runtime/controller.js';
import { FastForwardDiverged } from '../../../src/runtime/fastforward/index.js';
import { simulate } from '../../../src/runtime/scenario/engine.js';
import type { KubeObject } from '../../../src/runtime/api/types.js';
import { parseScenario } from './compare.js';

const cronJob: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'tick' },
  spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'tick', image: 'busybox:1.36' }] } } } } },
};
const tally: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'tally', annotations: { jobs: '0' } }, spec: { ports: [{ port: 80 }] } };

/**
 * A controller with a memory the cluster does not show: it counts the Jobs it has seen created (per
 * cluster) and writes the count on a Service. Its writes look periodic, but a jump skips its counting.
 */
function countingController(): Controller {
  const seen = new WeakMap<object, number>();
  return {
    name: 'tally-controller',
    watches: { Job: (change) => (change.type === 'ADDED' ? ['default/tally'] : []) },
    sync: (_key, ctx) => {
      const svc = ctx.store.get('Service', 'default', 'tally');
      if (!svc) return [];
      const count = (seen.get(ctx.store) ?? 0) + 1;
      seen.set(ctx.store, count);
      return [{ type: 'update', object: { ...svc, metadata: { ...svc.metadata, annotations: { jobs: String(count) } } } }];
    },
  };
}

describe('a fast-forward that does not hold', () => {
  test('is refused by the check after the jump', () => {
    const cluster = createCluster({ fastForward: true, controllers: [...controllers, countingController()] });
    cluster.apply(cronJob);
    cluster.apply(tally);
    expect(() => cluster.runFor(6 * 3_600_000)).toThrow(FastForwardDiverged);
  });

  test('simulate() then gives the step-by-step result', () => {
    const scenario = parseScenario('steps:\n  - wait: 6h\n');
    const run = (fastForward: boolean) =>
      simulate({ manifests: [structuredClone(cronJob), structuredClone(tally)], scenario, fastForward, controllers: [...controllers, countingController()] });
    const reference = run(false);
    const fast = run(true);
    expect(fast.fastForwarded).toBe(0);
    expect(JSON.stringify(fast.items)).toBe(JSON.stringify(reference.items));
    expect(fast.items.find((o) => o.kind === 'Service')?.metadata.annotations?.jobs).toBe('360');
    expect(JSON.stringify(fast.events)).toBe(JSON.stringify(reference.events));
  });
});
