// Label selector semantics, as k8s.io/apimachinery/pkg/labels and metav1.LabelSelectorAsSelector.
import type { LabelSelector } from './types.js';

export type Labels = Readonly<Record<string, string>> | undefined;

/** True when `labels` satisfy `selector`. An empty selector matches everything; a missing one nothing. */
export function matchesSelector(labels: Labels, selector: LabelSelector | undefined | null): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  const ml = selector.matchLabels;
  if (ml) for (const k in ml) if (l[k] !== ml[k]) return false;
  if (!selector.matchExpressions) return true;
  for (const req of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(l[req.key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[req.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A selector matching exactly the given labels (as labels.SelectorFromSet). */
export function selectorFromMap(map: Record<string, string>): LabelSelector {
  return { matchLabels: { ...map } };
}

/** True when every key/value of `want` is in `labels` (a map selector, as nodeSelector). */
export function labelsMatch(labels: Labels, want: Record<string, string> | undefined): boolean {
  if (!want) return true;
  const l = labels ?? {};
  for (const k in want) if (l[k] !== want[k]) return false;
  return true;
}

/** An empty selector (`{}`) selects everything; upstream treats it so for workload controllers. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (!selector.matchExpressions?.length && Object.keys(selector.matchLabels ?? {}).length === 0);
}
