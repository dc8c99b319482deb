// Node-aware workloads at scale: a DaemonSet on 1,000 nodes, and a 500-replica OrderedReady StatefulSet
// with a claim template (one pod at a time, each with its claim and volume). Figures are wall-clock times
// of one full run (build the cluster, apply, settle), median of a few runs.
import { performance } from 'node:perf_hooks';
import { Cluster } from '../src/runtime/cluster.js';
import type { KubeObject } from '../src/runtime/api/types.js';
import { median, report } from './_stats.js';

const daemonSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'node-exporter' },
  spec: {
    selector: { matchLabels: { app: 'node-exporter' } },
    template: { metadata: { labels: { app: 'node-exporter' } }, spec: { containers: [{ name: 'exporter', image: 'prom/node-exporter:v1.8.0' }] } },
  },
};

const statefulSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db' },
  spec: {
    replicas: 500,
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
};

interface Run {
  ms: number;
  /** Process CPU time (user + system): what the run costs when the machine is shared. */
  cpuMs: number;
  cluster: Cluster;
}

function timed(nodes: number, obj: KubeObject): Run {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const cluster = new Cluster({ freeze: false, nodes });
  cluster.apply(obj);
  cluster.settle();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, cluster };
}

function medianRun(nodes: number, obj: KubeObject, runs = 5): Run {
  timed(nodes, obj); // warm-up
  const results = Array.from({ length: runs }, () => timed(nodes, obj));
  return { ms: median(results.map((r) => r.ms)), cpuMs: median(results.map((r) => r.cpuMs)), cluster: results[results.length - 1]!.cluster };
}

export async function run(): Promise<void> {
  const ds = medianRun(1000, daemonSet);
  const dss = ds.cluster.store.get('DaemonSet', 'default', 'node-exporter')?.status;
  report(`DaemonSet on 1,000 nodes settled (${dss?.numberReady ?? 0}/${dss?.desiredNumberScheduled ?? 0} ready)`, ds.ms, 'ms', '≤ 1000 ms');
  report('  CPU time of that run', ds.cpuMs, 'ms');
  const sts = medianRun(10, statefulSet);
  const s = sts.cluster.store.get('StatefulSet', 'default', 'db')?.status;
  const claims = sts.cluster.store.count('PersistentVolumeClaim');
  report(`StatefulSet 500 replicas OrderedReady + claims (${s?.readyReplicas ?? 0} ready, ${claims} claims)`, sts.ms, 'ms', '≤ 1000 ms');
  report('  CPU time of that run', sts.cpuMs, 'ms');
  report('  virtual time to settle', (sts.cluster.now() - Date.UTC(2030, 0, 1)) / 1000, 's');
}
