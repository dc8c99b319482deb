// The timeline: every store change in order, with the virtual time and scenario step it happened in.
// Objects are immutable, so entries keep references rather than copies.
import type { KubeObject } from './api/types.js';
import type { ChangeType, WatchChange } from './store.js';

export interface TimelineEntry {
  time: number;
  seq: number;
  type: ChangeType;
  object: KubeObject;
  step?: number;
}

export class Timeline {
  readonly entries: TimelineEntry[] = [];
  step: number | undefined;

  constructor(private readonly now: () => number) {}

  record(change: WatchChange): void {
    const e: TimelineEntry = { time: this.now(), seq: this.entries.length, type: change.type, object: change.object };
    if (this.step !== undefined) e.step = this.step;
    this.entries.push(e);
  }
}
