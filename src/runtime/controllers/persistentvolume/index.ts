// Dynamic provisioning and binding for the simulated default StorageClass `standard` (volumeBindingMode
// Immediate, reclaimPolicy Delete), standing in for kube-controller-manager's persistentvolume-binder
// (pkg/controller/volume/persistentvolume/pv_controller.go) and an external provisioner:
// a Pending claim gets a PersistentVolume `pvc-<claim uid>` with its size and access modes, both Bound;
// when the claim is deleted its volume is deleted (Delete) or Released (Retain).
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1.js';
import type { KubeObject, Stored } from '../../api/types.js';
import { refOf, splitKey } from '../../api/types.js';
import type { Action, Controller, SyncContext, WatchChange } from '../../controller.js';
import { selfKey } from '../podutil.js';

export const PV_CONTROLLER = 'persistentvolume-controller';
export const DEFAULT_STORAGE_CLASS = 'standard';
/** The provisioner the `standard` class names (events and annotations carry it). */
export const PROVISIONER = 'k8s.io/simulated-hostpath';

type Claim = Stored<PersistentVolumeClaim & KubeObject>;
type Volume = Stored<PersistentVolume & KubeObject>;

/** A volume's changes go to its claim. */
function volumeKeys(change: WatchChange): string[] {
  const ref = (change.object as Volume).spec?.claimRef;
  return ref?.name ? [`${ref.namespace ?? 'default'}/${ref.name}`] : [];
}

export const persistentVolumeController: Controller = {
  name: PV_CONTROLLER,
  watches: { PersistentVolumeClaim: selfKey, PersistentVolume: volumeKeys },
  sync: syncClaim,
};

export const PV_PROTECTION = 'kubernetes.io/pv-protection';

/** The object without finalizer `f`. */
export function withoutFinalizer<T extends Stored>(obj: T, f: string): T {
  const finalizers = (obj.metadata.finalizers ?? []).filter((x) => x !== f);
  const metadata = { ...obj.metadata, finalizers };
  if (!finalizers.length) delete (metadata as { finalizers?: string[] }).finalizers;
  return { ...obj, metadata };
}

export function volumeNameFor(claim: { metadata: { uid: string } }): string {
  return `pvc-${claim.metadata.uid}`;
}

function syncClaim(key: string, ctx: SyncContext): Action[] {
  const { namespace, name } = splitKey(key);
  const claim = ctx.store.get<PersistentVolumeClaim & KubeObject>('PersistentVolumeClaim', namespace, name) as Claim | undefined;
  if (!claim) return reclaimVolumesOf(namespace ?? 'default', name, ctx);
  if (claim.spec?.volumeName) return [];
  return provision(claim);
}

/** The claim is gone: its bound volume follows the volume's reclaim policy. */
function reclaimVolumesOf(namespace: string, name: string, ctx: SyncContext): Action[] {
  const actions: Action[] = [];
  for (const pv of ctx.store.list<PersistentVolume & KubeObject>('PersistentVolume') as Volume[]) {
    const ref = pv.spec?.claimRef;
    if (ref?.name !== name || (ref.namespace ?? 'default') !== namespace || pv.status?.phase !== 'Bound') continue;
    if (pv.metadata.deletionTimestamp) continue;
    if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      actions.push({ type: 'delete', kind: 'PersistentVolume', name: pv.metadata.name });
    } else {
      actions.push({ type: 'updateStatus', object: { ...pv, status: { ...pv.status, phase: 'Released' } } });
    }
  }
  return actions;
}

/** Provision a volume for the claim and bind both (one sync: the simulated provisioner never fails). */
function provision(claim: Claim): Action[] {
  const cls = claim.spec?.storageClassName;
  if (cls !== DEFAULT_STORAGE_CLASS) {
    const message = cls
      ? `storageclass.storage.k8s.io "${cls}" not found`
      : 'no persistent volumes available for this claim and no storage class is set';
    return [{ type: 'event', eventType: 'Warning', reason: cls ? 'ProvisioningFailed' : 'FailedBinding', involved: refOf(claim), message }];
  }
  const volumeName = volumeNameFor(claim);
  const storage = claim.spec?.resources?.requests?.storage ?? '1Gi';
  const accessModes = claim.spec?.accessModes ?? ['ReadWriteOnce'];
  const pv: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: volumeName,
      annotations: { 'pv.kubernetes.io/provisioned-by': PROVISIONER },
      finalizers: [PV_PROTECTION],
    },
    spec: {
      capacity: { storage },
      accessModes: [...accessModes],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: DEFAULT_STORAGE_CLASS,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
      hostPath: { path: `/tmp/hostpath-provisioner/${claim.metadata.namespace}/${claim.metadata.name}`, type: '' },
      claimRef: {
        kind: 'PersistentVolumeClaim',
        apiVersion: 'v1',
        namespace: claim.metadata.namespace,
        name: claim.metadata.name,
        uid: claim.metadata.uid,
        resourceVersion: claim.metadata.resourceVersion,
      },
    },
  };
  const annotations = {
    ...(claim.metadata.annotations ?? {}),
    'pv.kubernetes.io/bind-completed': 'yes',
    'pv.kubernetes.io/bound-by-controller': 'yes',
    'volume.beta.kubernetes.io/storage-provisioner': PROVISIONER,
    'volume.kubernetes.io/storage-provisioner': PROVISIONER,
  };
  const bound: KubeObject = { ...claim, metadata: { ...claim.metadata, annotations }, spec: { ...claim.spec, volumeName } };
  return [
    {
      type: 'create',
      object: pv,
      event: {
        eventType: 'Normal',
        reason: 'ProvisioningSucceeded',
        involved: refOf(claim),
        message: `Successfully provisioned volume ${volumeName}`,
      },
    },
    { type: 'update', object: bound },
    { type: 'updateStatus', object: { ...bound, status: { phase: 'Bound', accessModes: [...accessModes], capacity: { storage } } } },
    // Applied in order: the volume exists by now, so its status can be written too.
    { type: 'updateStatus', object: { ...pv, status: { phase: 'Bound' } } },
  ];
}
