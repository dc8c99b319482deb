// `kubectl apply` of an existing object: a three-way merge, not a replacement.
import { describe, it, expect } from 'vitest';
import { Cluster } from '../../src/runtime/cluster.js';
import type { KubeObject } from '../../src/runtime/api/types.js';
import { deployment } from './helpers.js';

function job(labels?: Record<string, string>, parallelism = 1): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi' },
    spec: {
      parallelism,
      template: {
        ...(labels ? { metadata: { labels } } : {}),
        spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '60'] }] },
      },
    },
  };
}

describe('apply (three-way merge)', () => {
  it('a re-applied Job keeps its generated selector and template labels', () => {
    const c = new Cluster({ nodes: 1 });
    const first = c.apply(job({ app: 'pi' }));
    const again = c.apply(job({ app: 'pi' }, 2));
    expect(again.spec?.selector).toEqual(first.spec?.selector);
    expect(again.spec?.template.metadata.labels).toEqual(first.spec?.template.metadata.labels);
    expect(again.spec?.template.metadata.labels['batch.kubernetes.io/controller-uid']).toBe(first.metadata.uid);
    expect(again.spec?.parallelism).toBe(2);
  });

  it('a label removed from the manifest is removed; one the server added is kept', () => {
    const c = new Cluster({ nodes: 1 });
    const d = deployment({ name: 'web' });
    c.apply({ ...d, metadata: { name: 'web', labels: { app: 'web', tier: 'front' } } });
    const live = c.store.get('Deployment', 'default', 'web')!;
    c.store.update({ ...live, metadata: { ...live.metadata, labels: { ...live.metadata.labels, team: 'ops' } } });
    const after = c.apply({ ...d, metadata: { name: 'web', labels: { app: 'web' } } });
    expect(after.metadata.labels).toEqual({ app: 'web', team: 'ops' });
  });

  it('re-applying an unchanged Deployment bumps neither generation nor revision', () => {
    const c = new Cluster({ nodes: 3 });
    c.apply(deployment({ name: 'web' }));
    c.settle();
    const before = c.store.get('Deployment', 'default', 'web')!;
    const again = c.apply(deployment({ name: 'web' }));
    c.settle();
    expect(again.metadata.generation).toBe(before.metadata.generation);
    expect(c.store.list('ReplicaSet', 'default')).toHaveLength(1);
  });

  it('a Job without labels takes its template labels (batch/v1 SetDefaults_Job)', () => {
    const c = new Cluster({ nodes: 1 });
    expect(c.apply(job({ app: 'pi' })).metadata.labels).toEqual({ app: 'pi' });
  });

  it('a Job with no labels anywhere shows the generated ones', () => {
    const c = new Cluster({ nodes: 1 });
    const j = c.apply(job());
    expect(j.metadata.labels?.['job-name']).toBe('pi');
    expect(j.metadata.labels?.['batch.kubernetes.io/controller-uid']).toBe(j.metadata.uid);
  });
});
