// Small builders for StatefulSet pure-helper tests.
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { StatefulSet } from 'kubernetes-types/apps/v1.js';

export const T0 = Date.parse('2030-01-01T00:00:00Z');

export function set(spec: Partial<NonNullable<StatefulSet['spec']>> = {}, status: StatefulSet['status'] = { replicas: 0 }): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'set-uid', generation: 1 },
    spec: {
      replicas: 3,
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } },
      ...spec,
    },
    status,
  };
}

export type PodState = 'Pending' | 'Running' | 'Ready' | 'Failed' | 'Succeeded' | 'Terminating';

/** A member pod of `web` at `ordinal` in the given state and revision. */
export function pod(ordinal: number, state: PodState = 'Ready', revision = 'rev1', readySince = T0): Pod {
  const phase = state === 'Ready' || state === 'Terminating' ? 'Running' : state;
  const name = `web-${ordinal}`;
  return {
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${ordinal}`,
      labels: {
        app: 'web',
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': name,
        'apps.kubernetes.io/pod-index': String(ordinal),
      },
      ...(state === 'Terminating' ? { deletionTimestamp: '2030-01-01T00:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx:1' }], hostname: name, subdomain: 'web' },
    status: {
      phase,
      conditions: [
        {
          type: 'Ready',
          status: state === 'Ready' || state === 'Terminating' ? 'True' : 'False',
          lastTransitionTime: new Date(readySince).toISOString(),
        },
      ],
    },
  };
}
