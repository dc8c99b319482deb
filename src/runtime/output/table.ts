// `-o table`: `kubectl get all`-style tables, one per kind, names as "pod/web-7d4b9-x2x9q".
import type { Stored } from '../api/types.js';
import { PRINTERS } from './columns.js';
import { KIND_ORDER } from '../scenario/engine.js';

/** Columns padded to the widest cell plus three spaces, as kubectl's tabwriter. */
export function alignColumns(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd() + '\n').join('');
}

/** Tables for `items` (already in display order), ages against `now`; Nodes first as kubectl get nodes. */
export function formatTables(items: readonly Stored[], now: number): string {
  const byKind = new Map<string, Stored[]>();
  for (const o of items) {
    if (!PRINTERS[o.kind]) continue;
    let list = byKind.get(o.kind);
    if (!list) byKind.set(o.kind, (list = []));
    list.push(o);
  }
  const tables: string[] = [];
  for (const kind of KIND_ORDER) {
    const list = byKind.get(kind);
    if (!list?.length) continue;
    const p = PRINTERS[kind]!;
    const withNs = list.some((o) => o.metadata.namespace && o.metadata.namespace !== 'default');
    const rows: string[][] = [[...(withNs ? ['NAMESPACE'] : []), ...p.headers]];
    for (const o of list) {
      rows.push([...(withNs ? [o.metadata.namespace ?? ''] : []), `${p.resource}/${o.metadata.name}`, ...p.row(o, now)]);
    }
    tables.push(alignColumns(rows));
  }
  return tables.join('\n');
}
