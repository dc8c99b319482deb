// Sharing of identical immutable sub-objects (conditions, container states) across the many versions
// of many pods a run stores, so long timelines stay small. Values are found by a path of keys that the
// caller already holds (objects, strings, numbers), so no joined key string is built and hashed per lookup.

const LIMIT = 50_000;

/** Interned values found by a path of two or three keys; cleared when it grows past LIMIT. */
export class InternTable<T extends object> {
  // Paths of two and three keys live apart, so a two-key leaf is never taken for a branch.
  private readonly roots2 = new Map<unknown, unknown>();
  private readonly roots3 = new Map<unknown, unknown>();
  private count = 0;

  /** The shared frozen value for (a, b), made by `make` the first time. */
  get2(a: unknown, b: unknown, make: () => T): T {
    this.bound();
    return this.leaf(this.branch(this.roots2, a), b, make);
  }

  /** The shared frozen value for (a, b, c), made by `make` the first time. */
  get3(a: unknown, b: unknown, c: unknown, make: () => T): T {
    this.bound();
    return this.leaf(this.branch(this.branch(this.roots3, a), b), c, make);
  }

  private bound(): void {
    if (this.count > LIMIT) {
      this.roots2.clear();
      this.roots3.clear();
      this.count = 0;
    }
  }

  private branch(m: Map<unknown, unknown>, k: unknown): Map<unknown, unknown> {
    let next = m.get(k) as Map<unknown, unknown> | undefined;
    if (!next) m.set(k, (next = new Map()));
    return next;
  }

  private leaf(m: Map<unknown, unknown>, k: unknown, make: () => T): T {
    let v = m.get(k) as T | undefined;
    if (v === undefined) {
      v = Object.freeze(make());
      m.set(k, v);
      this.count++;
    }
    return v;
  }
}

interface ListNode {
  next: Map<object, ListNode>;
  list?: readonly object[];
}

let lists: ListNode = { next: new Map() };
let listCount = 0;

/** The shared frozen array equal to `items` (whose elements are themselves interned), found element by element. */
export function internList<T extends object>(items: T[]): readonly T[] {
  if (listCount > LIMIT) {
    lists = { next: new Map() };
    listCount = 0;
  }
  let node = lists;
  for (const item of items) {
    let next = node.next.get(item);
    if (!next) node.next.set(item, (next = { next: new Map() }));
    node = next;
  }
  if (!node.list) {
    node.list = Object.freeze(items);
    listCount++;
  }
  return node.list as readonly T[];
}
