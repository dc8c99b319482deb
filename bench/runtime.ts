// Runtime benchmarks (issue 3): a small Deployment from apply to settled; 10,000 replicas on 100 nodes
// created, settled, rolled to a new image and settled again; growth from 1,000 to 10,000 replicas.
import { performance } from 'node:perf_hooks';
import { createCluster } from '../src/runtime/index.js';
import type { KubeObject } from '../src/runtime/index.js';

function deployment(replicas: number, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
    },
  };
}

/** Wall ms to create `replicas` pods on `nodes` nodes, settle, roll to a new image and settle. */
function createAndRoll(replicas: number, nodes: number): { ms: number; cpuMs: number; pods: number; tasks: number } {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const c = createCluster({ nodes, freeze: false });
  c.apply(deployment(replicas, 'web:1'));
  c.settle();
  c.apply(deployment(replicas, 'web:2'));
  c.settle();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const ready = c.store.list('Pod').filter((p) => p.spec?.containers?.[0]?.image === 'web:2').length;
  if (ready !== replicas) throw new Error(`rollout did not finish: ${ready}/${replicas} new pods`);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, pods: ready, tasks: c.loop.executed };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<void> {
  // Warm up the JIT so the small case measures steady state, as a learner's repeated runs do.
  for (let i = 0; i < 30; i++) {
    const c = createCluster({ freeze: false });
    c.apply(deployment(3, 'nginx:1.25'));
    c.settle();
  }
  const small: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    const c = createCluster({ freeze: false });
    c.apply(deployment(3, 'nginx:1.25'));
    c.settle();
    small.push(performance.now() - t0);
  }
  console.log(`runtime: 3-replica Deployment apply→settled: median ${median(small).toFixed(2)} ms (target ≤ 5 ms)`);

  const oneK = createAndRoll(1_000, 100);
  const tenK = createAndRoll(10_000, 100);
  const rssMB = process.resourceUsage().maxRSS / 1024;
  console.log(
    `runtime: 100 nodes, 10,000 replicas created+settled+rolled+settled: ${tenK.ms.toFixed(0)} ms wall, ${tenK.cpuMs.toFixed(0)} ms CPU (target ≤ 2000 ms), ${tenK.tasks} loop tasks`,
  );
  console.log(`runtime: peak RSS ${rssMB.toFixed(0)} MB (target ≤ 300 MB)`);
  console.log(`runtime: 1,000 replicas: ${oneK.ms.toFixed(0)} ms; 10k/1k time ratio ${(tenK.ms / oneK.ms).toFixed(1)}× (target ≤ 13×)`);
}
