// Finalizers (apiserver registry): a deleted object that still has finalizers only gets a
// deletionTimestamp; removing its last finalizer removes it.
import { describe, it, expect } from 'vitest';
import { createCluster } from '../../src/runtime/index.js';
import type { KubeObject } from '../../src/runtime/index.js';

function configMapLike(finalizers: string[]): KubeObject {
  // A Service is enough: a kind the simulator serves and no controller touches.
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', finalizers }, spec: { ports: [{ port: 80 }] } };
}

describe('finalizers', () => {
  it('a deleted object with a finalizer stays, marked with deletionTimestamp', () => {
    const c = createCluster({ nodes: 1 });
    c.create(configMapLike(['example.com/hold']));
    const after = c.delete('Service', 'default', 'svc');
    expect(after?.metadata.deletionTimestamp).toBeDefined();
    expect(c.store.get('Service', 'default', 'svc')?.metadata.deletionGracePeriodSeconds).toBe(0);
  });

  it('removing the last finalizer removes the object', () => {
    const c = createCluster({ nodes: 1 });
    c.create(configMapLike(['a', 'b']));
    c.delete('Service', 'default', 'svc');
    const held = c.store.get('Service', 'default', 'svc')!;
    c.store.update({ ...held, metadata: { ...held.metadata, finalizers: ['b'] } });
    expect(c.store.get('Service', 'default', 'svc')).toBeDefined();
    const again = c.store.get('Service', 'default', 'svc')!;
    c.store.update({ ...again, metadata: { ...again.metadata, finalizers: [] } });
    expect(c.store.get('Service', 'default', 'svc')).toBeUndefined();
  });

  it('a Job counts a pod deleted while running as failed, and the pod then goes', () => {
    const c = createCluster({ nodes: 1 });
    c.apply({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'work' },
      spec: { backoffLimit: 3, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'busybox:1.36', command: ['sleep', '100'] }] } } },
    });
    c.runFor(5000);
    const [first] = c.store.list('Pod', 'default');
    c.delete('Pod', 'default', first!.metadata.name);
    c.runFor(60_000);
    expect(c.store.get('Job', 'default', 'work')?.status?.failed).toBe(1);
    expect(c.store.get('Pod', 'default', first!.metadata.name)).toBeUndefined();
  });
});
