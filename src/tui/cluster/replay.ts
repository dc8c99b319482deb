import type { CourseEvent, KubeLike, SimulationRecord, TimelineEntryLike } from '../../course/types.js';

/**
 * Replays a simulation's timeline instant by instant. An *instant* is a virtual time at which some
 * object changed; the state at an instant is every change up to and including that time, as the
 * course's checks see it. States are rebuilt from periodic checkpoints so stepping both ways is cheap.
 */
export interface Instant {
  time: number;
  /** Index just past the instant's last timeline entry. */
  end: number;
  /** Index of its first timeline entry. */
  begin: number;
}

export type ObjectMap = ReadonlyMap<string, KubeLike>;

const CHECKPOINT_EVERY = 32;

export function objectKey(o: KubeLike): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

export class Replay {
  readonly instants: Instant[];
  /** Object changes; Event objects are shown as events, not as cluster state. */
  private readonly entries: TimelineEntryLike[];
  private readonly checkpoints = new Map<number, ObjectMap>();

  constructor(readonly sim: Pick<SimulationRecord, 'timeline' | 'events' | 'steps' | 'start'>) {
    this.entries = sim.timeline.filter((e) => e.object.kind !== 'Event');
    this.instants = groupInstants(this.entries);
  }

  /** Objects after every change up to instant `index`. */
  stateAt(index: number): ObjectMap {
    const timeline = this.entries;
    const base = Math.floor(index / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    let state: Map<string, KubeLike>;
    let from: number;
    const cached = this.checkpoints.get(base);
    if (cached) {
      state = new Map(cached);
      from = this.instants[base]!.end;
    } else {
      state = base === 0 ? new Map() : new Map(this.stateAt(base - 1));
      from = base === 0 ? 0 : this.instants[base - 1]!.end;
      applyEntries(state, timeline, from, this.instants[base]!.end);
      this.checkpoints.set(base, new Map(state));
      from = this.instants[base]!.end;
    }
    applyEntries(state, timeline, from, this.instants[index]!.end);
    return state;
  }

  /** The timeline entries of one instant (what changed). */
  changesAt(index: number): TimelineEntryLike[] {
    const i = this.instants[index]!;
    return this.entries.slice(i.begin, i.end);
  }

  /** Events recorded after the previous instant and up to this one. */
  eventsAt(index: number): CourseEvent[] {
    const to = this.instants[index]!.time;
    const from = index === 0 ? -Infinity : this.instants[index - 1]!.time;
    const last = index === this.instants.length - 1;
    return this.sim.events.filter((e) => e.time > from && (e.time <= to || last));
  }

  /** The scenario step running at this instant (the last one started at or before it), numbered from 1. */
  stepAt(index: number): { index: number; description: string } | undefined {
    const time = this.instants[index]!.time;
    let found: { index: number; description: string } | undefined;
    this.sim.steps.forEach((s, i) => {
      if (s.time <= time) found = { index: i + 1, description: s.description };
    });
    return found;
  }
}

function groupInstants(timeline: TimelineEntryLike[]): Instant[] {
  const out: Instant[] = [];
  timeline.forEach((e, i) => {
    const last = out[out.length - 1];
    if (last && last.time === e.time) last.end = i + 1;
    else out.push({ time: e.time, begin: i, end: i + 1 });
  });
  return out;
}

function applyEntries(state: Map<string, KubeLike>, timeline: TimelineEntryLike[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const e = timeline[i]!;
    if (e.type === 'DELETED') state.delete(objectKey(e.object));
    else state.set(objectKey(e.object), e.object);
  }
}
