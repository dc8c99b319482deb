import { describe, it, expect } from 'vitest';
import { createCluster } from '../../src/runtime/index.js';

describe('kernel smoke', () => {
  it('a ReplicaSet gets 3 running ready pods', () => {
    const c = createCluster({ seed: 7 });
    c.apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      },
    });
    expect(c.settle()).toBe(true);
    const pods = c.store.list('Pod');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.status.phase).toBe('Running');
    expect(c.store.get('ReplicaSet', 'default', 'web')!.status.readyReplicas).toBe(3);
  });
});
