/** Which objects a selection picks out of a cluster view. */
import type { KubeLike, LabelSelectorSpec, Selection } from '../types.js';
import { conditionsHold } from './fields.js';
import type { ClusterView } from './view.js';

export function labelsMatch(labels: Record<string, string> | undefined, sel: LabelSelectorSpec): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const inValues = has && (e.values ?? []).includes(l[e.key]!);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Owned directly or transitively (Deployment → ReplicaSet → Pod) by the named owner. */
function ownedBy(obj: KubeLike, owner: { kind: string; name: string }, view: ClusterView): boolean {
  let current: KubeLike | undefined = obj;
  for (let depth = 0; current && depth < 8; depth++) {
    const refs: NonNullable<KubeLike['metadata']['ownerReferences']> = current.metadata.ownerReferences ?? [];
    if (refs.some((r) => r.kind === owner.kind && r.name === owner.name)) return true;
    const controller = refs.find((r) => r.controller) ?? refs[0];
    current = controller ? view.owner(controller.uid) : undefined;
  }
  return false;
}

/** Every test of the selection except `where` (identity: kind, names, labels, owner). */
export function identityMatches(sel: Selection, obj: KubeLike, view: ClusterView): boolean {
  const name = obj.metadata.name ?? '';
  if (sel.name !== undefined && name !== sel.name) return false;
  if (sel.names && !sel.names.includes(name)) return false;
  if (sel.namePrefix !== undefined && !name.startsWith(sel.namePrefix)) return false;
  if (sel.namespace !== undefined && (obj.metadata.namespace ?? '') !== sel.namespace) return false;
  if (sel.selector && !labelsMatch(obj.metadata.labels, sel.selector)) return false;
  if (sel.ownedBy && !ownedBy(obj, sel.ownedBy, view)) return false;
  return true;
}

export function matches(sel: Selection, obj: KubeLike, view: ClusterView): boolean {
  return obj.kind === sel.kind && identityMatches(sel, obj, view) && conditionsHold(obj, sel.where);
}

export function select(sel: Selection, view: ClusterView): KubeLike[] {
  return view.list(sel.kind).filter((o) => identityMatches(sel, o, view) && conditionsHold(o, sel.where)).sort(byName);
}

/** The objects the selection would pick if `where` were ignored: shown to explain why some did not match. */
export function candidates(sel: Selection, view: ClusterView): KubeLike[] {
  return view.list(sel.kind).filter((o) => identityMatches(sel, o, view)).sort(byName);
}

export function byName(a: KubeLike, b: KubeLike): number {
  const an = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const bn = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return an < bn ? -1 : an > bn ? 1 : 0;
}
