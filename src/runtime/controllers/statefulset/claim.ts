// Pod ownership for StatefulSets and DaemonSets, as upstream's PodControllerRefManager.ClaimPods:
// an owner keeps the pods it controls that still match its selector, releases those that no longer do,
// and adopts orphans that match (unless it is being deleted).
import type { KubeObject, LabelSelector, Stored } from '../../api/types.js';
import { controllerRef, keyOf, newControllerRef } from '../../api/types.js';
import { matchesSelector } from '../../api/selectors.js';
import type { Action, StoreReader, WatchChange } from '../../controller.js';
import { ownedBy } from '../podutil.js';
import { factsOf } from './facts.js';

/**
 * The pods `owner` controls after claiming; the adoption and release writes go to `actions`.
 * `accept` narrows what may be adopted (a StatefulSet only takes pods named as its members).
 */
export function claimPods(owner: Stored, store: StoreReader, actions: Action[], accept: (pod: Stored) => boolean = () => true): Stored[] {
  const selector = owner.spec?.selector;
  const claimed: Stored[] = [];
  for (const pod of ownedBy(store, owner, 'Pod')) {
    if (selectorMatches(pod, selector)) claimed.push(pod);
    else if (!pod.metadata.deletionTimestamp) actions.push({ type: 'update', object: withoutOwner(pod, owner.metadata.uid) });
  }
  if (owner.metadata.deletionTimestamp) return claimed;
  for (const pod of store.orphans('Pod', owner.metadata.namespace)) {
    if (pod.metadata.deletionTimestamp || !matchesSelector(pod.metadata.labels, selector) || !accept(pod)) continue;
    const adopted = { ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), newControllerRef(owner)] } } as Stored;
    actions.push({ type: 'update', object: adopted });
    claimed.push(adopted);
  }
  return claimed;
}

/** The selector check of an owned pod, remembered per pod version and selector (it runs every sync). */
function selectorMatches(pod: Stored, selector: LabelSelector | undefined): boolean {
  const f = factsOf(pod);
  if (f.selector && f.selector.of === selector) return f.selector.ok;
  const ok = matchesSelector(pod.metadata.labels, selector);
  f.selector = { of: selector, ok };
  return ok;
}

function withoutOwner(pod: Stored, uid: string): KubeObject {
  const ownerReferences = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  const metadata = { ...pod.metadata, ownerReferences };
  if (!ownerReferences.length) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
  return { ...pod, metadata };
}

/** Watch helper: a pod's controlling `kind` owner, or for an orphan every `kind` whose selector matches it. */
export function podOwnerKeys(kind: string) {
  return (change: WatchChange, store: StoreReader): string[] => {
    const keys: string[] = [];
    for (const o of [change.object, change.old]) {
      const ref = o ? controllerRef(o) : undefined;
      if (o && ref?.kind === kind) {
        const key = `${o.metadata.namespace ?? ''}/${ref.name}`;
        if (!keys.includes(key)) keys.push(key);
      }
    }
    const pod = change.object;
    if (change.type !== 'DELETED' && !controllerRef(pod) && !pod.metadata.deletionTimestamp) {
      for (const owner of store.list(kind, pod.metadata.namespace)) {
        if (matchesSelector(pod.metadata.labels, owner.spec?.selector)) keys.push(keyOf(owner));
      }
    }
    return keys;
  };
}
