import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../src/runtime/index.js';
import { replicaSet } from '../helpers.js';

describe('pods made from a template (controller.GetPodFromTemplate)', () => {
  it('pods of one ReplicaSet share their immutable labels, owner references and spec, and stay frozen', () => {
    const c = createCluster({ freeze: true });
    c.apply(replicaSet('web', 3));
    c.settle();
    const pods = c.store.list('Pod');
    expect(pods).toHaveLength(3);
    const [a, b] = pods;
    expect(a!.metadata.labels).toBe(b!.metadata.labels);
    expect(a!.metadata.ownerReferences).toBe(b!.metadata.ownerReferences);
    expect(Object.isFrozen(a!.metadata.labels)).toBe(true);
    expect(a!.metadata.uid).not.toBe(b!.metadata.uid);
  });

  it('the pods of each ReplicaSet carry an owner reference naming that ReplicaSet', () => {
    const c = createCluster();
    c.apply(replicaSet('a', 1));
    c.apply(replicaSet('b', 1));
    c.settle();
    for (const p of c.store.list('Pod')) {
      const owner = c.store.getByUid(p.metadata.ownerReferences![0]!.uid)!;
      expect(p.metadata.ownerReferences![0]!.name).toBe(owner.metadata.name);
      expect(owner.spec.selector.matchLabels.app).toBe(p.metadata.labels!.app);
    }
  });
});

describe('lastResult (a verdict per shared labels map or condition list)', () => {
  it('calls the function again only when the argument changes, undefined included', async () => {
    const { lastResult } = await import('../../../src/runtime/controllers/podutil.js');
    const seen: unknown[] = [];
    const f = lastResult((x: object | undefined) => {
      seen.push(x);
      return x === undefined ? 'none' : 'some';
    });
    const a = {};
    expect([f(undefined), f(undefined), f(a), f(a), f({}), f(undefined)]).toEqual(['none', 'none', 'some', 'some', 'some', 'none']);
    expect(seen).toHaveLength(4);
  });
});

describe('binding pods of one template (pods/binding)', () => {
  it('pods bound to the same node share the bound spec; other nodes get their own, with their nodeName', () => {
    const c = createCluster({ nodes: 2, freeze: true });
    c.apply(replicaSet('web', 4));
    c.settle();
    const pods = c.store.list('Pod');
    const byNode = new Map<string, unknown>();
    for (const p of pods) {
      const seen = byNode.get(p.spec.nodeName);
      if (seen) expect(p.spec).toBe(seen);
      else byNode.set(p.spec.nodeName, p.spec);
    }
    expect(byNode.size).toBe(2);
    const [a, b] = [...byNode.entries()];
    expect(a![1]).not.toBe(b![1]);
    expect((a![1] as { nodeName: string }).nodeName).toBe(a![0]);
  });
});
