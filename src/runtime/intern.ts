// Sharing of identical immutable sub-objects (conditions, container states) across the many versions
// of many pods a run stores, so long timelines stay small. Keys are built by the caller (cheap strings).

const objects = new Map<string, object>();
const ids = new WeakMap<object, number>();
let nextId = 1;
const LIMIT = 50_000;

/** The shared frozen object for `key`, made by `make` the first time. */
export function internObject<T extends object>(key: string, make: () => T): T {
  let v = objects.get(key) as T | undefined;
  if (v === undefined) {
    if (objects.size > LIMIT) objects.clear();
    v = Object.freeze(make());
    objects.set(key, v);
    ids.set(v, nextId++);
  }
  return v;
}

/** A number identifying an object for use in keys (interned objects share one). */
export function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

const strings = new Map<string, string>();

export function internString(s: string): string {
  const v = strings.get(s);
  if (v !== undefined) return v;
  if (strings.size > LIMIT) strings.clear();
  strings.set(s, s);
  return s;
}
