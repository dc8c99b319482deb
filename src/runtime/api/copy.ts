// Shallow copies of stored objects with one field replaced. They are built key by key from an empty
// literal, so copies of objects with the same keys share one V8 hidden class. An object spread at a
// call site that sees many shapes can give each copy a hidden class of its own; with thousands of pods
// every later property read on them then misses V8's caches, which made the whole runtime several
// times slower. Key order is the spread's: a replaced key keeps its place, a new one goes last.

/** `{ ...o, [key]: value }`, with shared hidden classes. */
export function withField<T extends object, K extends string>(o: T, key: K, value: unknown): T {
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = (o as Record<string, unknown>)[k];
  out[key] = value;
  return out as T;
}

/** `{ ...o, ...fields }`, with shared hidden classes. */
export function withFields<T extends object>(o: T, fields: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = (o as Record<string, unknown>)[k];
  for (const k in fields) out[k] = fields[k];
  return out as T;
}
