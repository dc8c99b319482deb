// Node scoring, and the nodes kept in score order for pods of one request size, so that binding a pod
// of a large ReplicaSet costs a look at the first nodes that fit rather than a score of every node.
import type { Stored } from '../api/types.js';
import type { NodeCapacity, NodeUsage, Requests } from './filters.js';
import { resourcesFit } from './filters.js';

export interface NodeEntry {
  node: Stored;
  usage: NodeUsage;
  cap: NodeCapacity;
  /** Neither cordoned nor tainted: NodeUnschedulable and TaintToleration pass for every pod. */
  open: boolean;
}

/** NodeResourcesFit LeastAllocated score (cpu and memory equally weighted, 0..100). */
export function leastAllocated(nonZero: Requests, usage: NodeUsage, cap: NodeCapacity): number {
  const u = usage.nonZero;
  return Math.floor((freeShare(u.cpu + nonZero.cpu, cap.cpu) + freeShare(u.memory + nonZero.memory, cap.memory)) / 2);
}

function freeShare(used: number, capacity: number): number {
  return capacity <= 0 ? 0 : Math.max(0, ((capacity - used) * 100) / capacity);
}

/**
 * True when node `a` (score `sa`) is preferred to `b` (score `sb`): highest score, then fewer pods, then
 * the first by name (deterministic where upstream picks at random among equals). A total order.
 */
export function preferred(a: NodeEntry, sa: number, b: NodeEntry, sb: number): boolean {
  return sa > sb || (sa === sb && (a.usage.pods < b.usage.pods || (a.usage.pods === b.usage.pods && a.node.metadata.name < b.node.metadata.name)));
}

interface Ranked {
  entry: NodeEntry;
  score: number;
  /** Its usage changed since it was placed. */
  dirty: boolean;
}

/**
 * `nodes` in preference order for pods whose non-zero requests are `nonZero` and which any node may take
 * (no affinity, every node open). A node whose usage changed is told with `touched` and moves to its new
 * place on the next `best`.
 */
export class NodeRanking {
  private readonly order: Ranked[];
  private readonly byName = new Map<string, Ranked>();
  private readonly dirty: Ranked[] = [];

  constructor(
    readonly nodes: readonly NodeEntry[],
    readonly nonZero: Requests,
  ) {
    this.order = nodes.map((entry) => ({ entry, score: leastAllocated(nonZero, entry.usage, entry.cap), dirty: false }));
    this.order.sort((a, b) => (preferred(a.entry, a.score, b.entry, b.score) ? -1 : 1));
    for (const r of this.order) this.byName.set(r.entry.node.metadata.name, r);
  }

  /** For pods of the same non-zero requests (the pods of a template share one object; equal ones do too). */
  serves(nodes: readonly NodeEntry[], nonZero: Requests): boolean {
    return this.nodes === nodes && this.nonZero.cpu === nonZero.cpu && this.nonZero.memory === nonZero.memory;
  }

  touched(node: string): void {
    const r = this.byName.get(node);
    if (r && !r.dirty) {
      r.dirty = true;
      this.dirty.push(r);
    }
  }

  /** The preferred node that fits `req`, or undefined when none does. */
  best(req: Requests): NodeEntry | undefined {
    if (this.dirty.length) this.reorder();
    for (const r of this.order) if (resourcesFit(req, r.entry.usage, r.entry.cap).length === 0) return r.entry;
    return undefined;
  }

  /** Takes the touched nodes out (what is left is in order), then puts each back at its new place. */
  private reorder(): void {
    const moved = this.dirty.splice(0);
    for (const r of moved) this.order.splice(this.order.indexOf(r), 1);
    for (const r of moved) {
      r.dirty = false;
      r.score = leastAllocated(this.nonZero, r.entry.usage, r.entry.cap);
      let lo = 0;
      let hi = this.order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const m = this.order[mid]!;
        if (preferred(m.entry, m.score, r.entry, r.score)) lo = mid + 1;
        else hi = mid;
      }
      this.order.splice(lo, 0, r);
    }
  }
}
