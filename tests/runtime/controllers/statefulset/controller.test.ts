import { describe, expect, it } from 'vitest';
import { cluster, image, podNames, statefulSet } from './helpers.js';

const slowReady = [{ selector: { matchLabels: { app: 'web' } }, readyAfter: 10_000 }];

describe('StatefulSet controller', () => {
  it('creates pods <set>-0..N-1 with hostname, subdomain and identity labels', () => {
    const c = cluster();
    c.apply(statefulSet());
    c.settle();
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2']);
    const p = c.store.get('Pod', 'default', 'web-1')!;
    expect(p.spec.hostname).toBe('web-1');
    expect(p.spec.subdomain).toBe('web');
    expect(p.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(p.metadata.labels!['controller-revision-hash']).toMatch(/^web-/);
  });

  it('OrderedReady: web-1 is created only after web-0 is Ready', () => {
    const c = cluster({ podRules: slowReady });
    c.apply(statefulSet());
    c.runFor(5_000);
    expect(podNames(c)).toEqual(['web-0']);
    c.runFor(7_000);
    expect(podNames(c)).toEqual(['web-0', 'web-1']);
  });

  it('Parallel: every pod is created at once', () => {
    const c = cluster({ podRules: slowReady });
    c.apply(statefulSet({ podManagementPolicy: 'Parallel' }));
    c.runFor(100);
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('creates claim data-web-N bound to a provisioned volume pvc-<claim uid>, mounted by the pod', () => {
    const c = cluster();
    c.apply(statefulSet());
    c.settle();
    const claim = c.store.get('PersistentVolumeClaim', 'default', 'data-web-2')!;
    expect(claim.status.phase).toBe('Bound');
    expect(claim.spec.volumeName).toBe(`pvc-${claim.metadata.uid}`);
    expect(claim.spec.storageClassName).toBe('standard');
    const pv = c.store.get('PersistentVolume', undefined, claim.spec.volumeName)!;
    expect(pv.spec.capacity.storage).toBe('1Gi');
    expect(pv.spec.accessModes).toEqual(['ReadWriteOnce']);
    expect(pv.status.phase).toBe('Bound');
    const pod = c.store.get('Pod', 'default', 'web-2')!;
    expect(pod.spec.volumes).toContainEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-web-2' } });
  });

  it('a deleted pod comes back with the same name and the same claim', () => {
    const c = cluster();
    c.apply(statefulSet());
    c.settle();
    const uid = c.store.get('Pod', 'default', 'web-1')!.metadata.uid;
    const claimUid = c.store.get('PersistentVolumeClaim', 'default', 'data-web-1')!.metadata.uid;
    c.delete('Pod', 'default', 'web-1');
    c.settle();
    const again = c.store.get('Pod', 'default', 'web-1')!;
    expect(again.metadata.uid).not.toBe(uid);
    expect(again.status.phase).toBe('Running');
    expect(c.store.get('PersistentVolumeClaim', 'default', 'data-web-1')!.metadata.uid).toBe(claimUid);
  });

  it('scales down from the highest ordinal and keeps the claims (Retain)', () => {
    const c = cluster();
    c.apply(statefulSet());
    c.settle();
    c.scale('StatefulSet', 'default', 'web', 1);
    c.settle();
    expect(podNames(c)).toEqual(['web-0']);
    const deletes = c.events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deletes).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
    expect(c.store.list('PersistentVolumeClaim').map((p) => p.metadata.name).sort()).toEqual(['data-web-0', 'data-web-1', 'data-web-2']);
  });

  it('whenScaled: Delete removes the claims of scaled-down pods', () => {
    const c = cluster();
    c.apply(statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } }));
    c.settle();
    c.scale('StatefulSet', 'default', 'web', 1);
    c.settle();
    expect(c.store.list('PersistentVolumeClaim').map((p) => p.metadata.name)).toEqual(['data-web-0']);
  });

  it('whenDeleted: Delete removes the claims with the set; Retain keeps them', () => {
    for (const [policy, left] of [['Delete', 0], ['Retain', 3]] as const) {
      const c = cluster();
      c.apply(statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted: policy, whenScaled: 'Retain' } }));
      c.settle();
      c.delete('StatefulSet', 'default', 'web');
      c.settle();
      expect(podNames(c)).toEqual([]);
      expect(c.store.list('PersistentVolumeClaim')).toHaveLength(left);
    }
  });

  it('a deleted claim is recreated for a recreated pod, with a new volume', () => {
    const c = cluster();
    c.apply(statefulSet({ replicas: 1 }));
    c.settle();
    const oldVolume = c.store.get('PersistentVolumeClaim', 'default', 'data-web-0')!.spec.volumeName;
    c.delete('PersistentVolumeClaim', 'default', 'data-web-0');
    c.delete('Pod', 'default', 'web-0');
    c.settle();
    const claim = c.store.get('PersistentVolumeClaim', 'default', 'data-web-0')!;
    expect(claim.status.phase).toBe('Bound');
    expect(claim.spec.volumeName).not.toBe(oldVolume);
    expect(c.store.get('PersistentVolume', undefined, oldVolume)).toBeUndefined();
  });

  it('RollingUpdate replaces pods from the highest ordinal down', () => {
    const c = cluster();
    c.apply(statefulSet());
    c.settle();
    c.apply(statefulSet({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.26' }] } } }));
    c.settle();
    const order = c.events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message.split(' ')[2]);
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    expect(['web-0', 'web-1', 'web-2'].map((p) => image(c, p))).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26']);
    const s = c.store.get('StatefulSet', 'default', 'web')!.status;
    expect(s.currentRevision).toBe(s.updateRevision);
    expect(s).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3 });
  });

  it('partition keeps ordinals below it on the old revision (canary)', () => {
    const c = cluster();
    c.apply(statefulSet());
    c.settle();
    c.apply(statefulSet({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.26' }] } },
    }));
    c.settle();
    expect(['web-0', 'web-1', 'web-2'].map((p) => image(c, p))).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.26']);
    const s = c.store.get('StatefulSet', 'default', 'web')!.status;
    expect(s).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
    expect(s.currentRevision).not.toBe(s.updateRevision);
  });

  it('OnDelete changes a pod only when it is deleted', () => {
    const c = cluster();
    c.apply(statefulSet({ updateStrategy: { type: 'OnDelete' } }));
    c.settle();
    c.apply(statefulSet({ updateStrategy: { type: 'OnDelete' }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.26' }] } } }));
    c.settle();
    expect(image(c, 'web-1')).toBe('nginx:1.25');
    c.delete('Pod', 'default', 'web-1');
    c.settle();
    expect(['web-0', 'web-1', 'web-2'].map((p) => image(c, p))).toEqual(['nginx:1.25', 'nginx:1.26', 'nginx:1.25']);
  });

  it('a failed pod is deleted and recreated with the same name', () => {
    const c = cluster({ podRules: [{ selector: { matchLabels: { app: 'web' } }, runFor: 5_000, exitCode: 1 }] });
    c.apply(statefulSet({ replicas: 1, template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x:1' }] } } }));
    c.runFor(20_000);
    const deletes = c.events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deletes[0]).toBe('delete Pod web-0 in StatefulSet web successful');
    expect(podNames(c)).toEqual(['web-0']);
  });

  it('records the creation events with upstream wording', () => {
    const c = cluster();
    c.apply(statefulSet({ replicas: 1 }));
    c.settle();
    expect(c.events.filter((e) => e.source === 'statefulset-controller').map((e) => e.message)).toEqual([
      'create Claim data-web-0 Pod web-0 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
    ]);
  });
});

describe('StatefulSet pod ownership', () => {
  it('adopts an orphan pod named as a member, and not one with another name', () => {
    const c = cluster();
    const orphan = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    c.apply(orphan('web-0'));
    c.apply(orphan('stray'));
    c.apply(statefulSet({ replicas: 1 }));
    c.settle();
    const owner = (n: string) => c.store.get('Pod', 'default', n)!.metadata.ownerReferences?.[0]?.kind;
    expect(owner('web-0')).toBe('StatefulSet');
    expect(owner('stray')).toBeUndefined();
  });

  it('releases a pod whose labels stop matching its selector', () => {
    const c = cluster();
    c.apply(statefulSet({ replicas: 1 }));
    c.settle();
    const pod = c.store.get('Pod', 'default', 'web-0')!;
    c.store.update({ ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, app: 'debug' } } });
    c.settle();
    expect(c.store.get('Pod', 'default', 'web-0')!.metadata.ownerReferences).toBeUndefined();
  });
});
