// Building clusters with a StatefulSet for behaviour tests.
import { createCluster, type Cluster } from '../../../../src/runtime/index.js';
import type { KubeObject } from '../../../../src/runtime/index.js';
import type { PodRule } from '../../../../src/runtime/kubelet/rules.js';

export function statefulSet(spec: Record<string, unknown> = {}, name = 'web'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      replicas: 3,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
  };
}

export function cluster(opts: { nodes?: number; podRules?: PodRule[] } = {}): Cluster {
  return createCluster({ seed: 3, nodes: opts.nodes ?? 3, podRules: opts.podRules ?? [] });
}

export function podNames(c: Cluster, prefix = 'web-'): string[] {
  return c.store
    .list('Pod')
    .filter((p) => p.metadata.name.startsWith(prefix))
    .map((p) => p.metadata.name)
    .sort();
}

export function image(c: Cluster, pod: string): string {
  return c.store.get('Pod', 'default', pod)!.spec.containers[0].image;
}
