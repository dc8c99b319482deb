import { describe, expect, it } from 'vitest';
import { claimIsStale, claimOwnerRefs, claimOwnersUpToDate } from '../../../../src/runtime/controllers/statefulset/retention.js';
import { pod, set } from './fixtures.js';

const claim = (ownerReferences: { kind: string; name: string; uid: string; apiVersion: string; controller?: boolean }[] = []) => ({
  metadata: { name: 'data-web-2', ownerReferences },
});

function owners(whenDeleted: 'Retain' | 'Delete', whenScaled: 'Retain' | 'Delete', replicas: number) {
  const s = set({ replicas, persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } });
  return claimOwnerRefs(claim(), s, pod(2)).map((r) => `${r.kind}/${r.name}`);
}

describe('PVC retention policy as owner references', () => {
  it.each([
    ['Retain', 'Retain', 3, []],
    ['Retain', 'Retain', 2, []],
    ['Delete', 'Retain', 3, ['StatefulSet/web']],
    ['Delete', 'Retain', 2, ['StatefulSet/web']],
    ['Retain', 'Delete', 3, []],
    ['Retain', 'Delete', 2, ['Pod/web-2']],
    ['Delete', 'Delete', 3, ['StatefulSet/web']],
    ['Delete', 'Delete', 2, ['Pod/web-2']],
  ] as const)('whenDeleted %s, whenScaled %s, replicas %i: owners %j', (d, s, r, want) => {
    expect(owners(d, s, r)).toEqual(want);
  });

  it('keeps owner references of other objects', () => {
    const refs = claimOwnerRefs(claim([{ kind: 'Foo', name: 'x', uid: 'u', apiVersion: 'v1' }]), set(), pod(2));
    expect(refs.map((r) => r.kind)).toEqual(['Foo']);
  });

  it('is up to date when the references already match', () => {
    const s = set({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } });
    const c = claim([{ kind: 'StatefulSet', name: 'web', uid: 'set-uid', apiVersion: 'apps/v1', controller: true }]);
    expect(claimOwnersUpToDate(c, s, pod(2))).toBe(true);
    expect(claimOwnersUpToDate(claim(), s, pod(2))).toBe(false);
  });

  it('a claim owned by a pod that is gone is stale', () => {
    expect(claimIsStale(claim([{ kind: 'Pod', name: 'web-2', uid: 'old', apiVersion: 'v1' }]), undefined)).toBe(true);
    expect(claimIsStale(claim(), undefined)).toBe(false);
  });
});
