// Strings written with YAML escapes ("\e", "\u202e") can carry terminal escape sequences or bidi
// overrides into the cluster; Kubernetes accepts them in values, so this is a warning, and every
// message shows such text escaped.
import type { Path, Reporter } from '../report.js';
import { isPlainObject } from '../schema-check.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const MAX_REPORTS = 5;

export function checkControlCharacters(root: unknown, r: Reporter): void {
  if (!hasUnsafeText(root)) return; // the usual case, found without building a path per value
  let reported = 0;
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0 && reported < MAX_REPORTS) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSAFE.test(value)) {
        r.warn('control-characters', path, 'the value contains control characters or escape sequences', 'They can garble a terminal or disguise text; remove them (they are shown escaped here).');
        reported++;
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, [...path, i]]));
    } else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (UNSAFE.test(k)) {
          r.warn('control-characters', [...path, k], 'the key contains control characters or escape sequences', 'Remove them (they are shown escaped here).');
          reported++;
        }
        stack.push([v, [...path, k]]);
      }
    }
  }
}

function hasUnsafeText(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (UNSAFE.test(value)) return true;
    } else if (Array.isArray(value)) {
      for (const v of value) stack.push(v);
    } else if (isPlainObject(value)) {
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        if (UNSAFE.test(k)) return true;
        stack.push(value[k]);
      }
    }
  }
  return false;
}
