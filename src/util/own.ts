/**
 * `table[key]` for a key that comes from a learner's or instructor's file: only the table's own
 * entries count, so '__proto__' or 'constructor' finds nothing instead of an Object.prototype member.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
