/**
 * Storage object in-use protection: every claim gets the kubernetes.io/pvc-protection finalizer when it
 * is created (admission plugin StorageObjectInUseProtection), so a claim deleted while a scheduled,
 * unfinished Pod uses it stays Terminating; the pvc-protection controller
 * (pkg/controller/volume/pvcprotection/pvc_protection_controller.go) removes the finalizer once no Pod
 * uses it, and the claim goes. Volumes likewise carry kubernetes.io/pv-protection until no claim is bound
 * to them (pkg/controller/volume/pvprotection).
 */
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1.js';
import type { KubeObject, Stored } from '../../api/types.js';
import { splitKey } from '../../api/types.js';
import type { Action, Controller, SyncContext, WatchChange } from '../../controller.js';
import { selfKey } from '../podutil.js';
import type { PersistentVolume } from 'kubernetes-types/core/v1.js';
import { PV_PROTECTION, withoutFinalizer } from './index.js';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';

function claimsOf(pod: { spec?: Pod['spec'] }): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
}

/** A pod's changes go to the claims it mounts. */
function podKeys(change: WatchChange): string[] {
  const ns = change.object.metadata.namespace ?? 'default';
  return claimsOf(change.object as { spec?: Pod['spec'] }).map((claim) => `${ns}/${claim}`);
}

/** podUsesPVC: scheduled (the kubelet may have mounted it) and not finished. */
function inUse(ctx: SyncContext, namespace: string, claim: string): boolean {
  return ctx.store.list<Pod & KubeObject>('Pod', namespace).some((p) => {
    const phase = p.status?.phase;
    return !!p.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed' && claimsOf(p).includes(claim);
  });
}

export const pvcProtectionController: Controller = {
  name: 'pvc-protection-controller',
  watches: { PersistentVolumeClaim: selfKey, Pod: podKeys },
  sync(key: string, ctx: SyncContext): Action[] {
    const { namespace, name } = splitKey(key);
    const ns = namespace ?? 'default';
    const claim = ctx.store.get<PersistentVolumeClaim & KubeObject>('PersistentVolumeClaim', ns, name) as Stored | undefined;
    if (!claim?.metadata.deletionTimestamp || !claim.metadata.finalizers?.includes(PVC_PROTECTION)) return [];
    if (inUse(ctx, ns, name)) return [];
    return [{ type: 'update', object: withoutFinalizer(claim, PVC_PROTECTION) }];
  },
};

/** isPVInUse: a volume is used while its claim exists and it is Bound. */
function volumeInUse(ctx: SyncContext, pv: Stored<PersistentVolume & KubeObject>): boolean {
  const ref = pv.spec?.claimRef;
  if (pv.status?.phase !== 'Bound' || !ref?.name) return false;
  return !!ctx.store.get('PersistentVolumeClaim', ref.namespace ?? 'default', ref.name);
}

export const pvProtectionController: Controller = {
  name: 'pv-protection-controller',
  watches: { PersistentVolume: selfKey },
  sync(key: string, ctx: SyncContext): Action[] {
    const pv = ctx.store.get<PersistentVolume & KubeObject>('PersistentVolume', undefined, splitKey(key).name);
    if (!pv?.metadata.deletionTimestamp || !pv.metadata.finalizers?.includes(PV_PROTECTION)) return [];
    if (volumeInUse(ctx, pv)) return [];
    return [{ type: 'update', object: withoutFinalizer(pv, PV_PROTECTION) }];
  },
};
