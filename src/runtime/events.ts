// Events, as the kubelet and controllers record them (one per occurrence, no aggregation).
import type { ObjRef } from './api/types.js';

export type EventType = 'Normal' | 'Warning';

export interface SimEvent {
  /** Virtual time, ms since epoch. */
  time: number;
  type: EventType;
  reason: string;
  involvedObject: { kind: string; name: string; namespace?: string };
  message: string;
  /** The component that recorded it: 'default-scheduler', 'kubelet', 'replicaset-controller'… */
  source: string;
  /** Scenario step being played when it happened, if any. */
  step?: number;
}

export class EventRecorder {
  readonly events: SimEvent[] = [];
  private readonly listeners: ((e: SimEvent) => void)[] = [];
  step: number | undefined;

  constructor(private readonly now: () => number) {}

  /**
   * Events repeat the same objects many times; sharing their references keeps long runs small. They
   * are found by kind → namespace → name: those strings come from the objects and keep their hash,
   * where a joined key would be hashed afresh for every event. (Repeated messages are shared by the
   * components that record them, which make each once: see the kubelet.)
   */
  private readonly refs = new Map<string, Map<string, Map<string, SimEvent['involvedObject']>>>();

  record(source: string, involved: ObjRef, eventType: EventType, reason: string, message: string): SimEvent {
    let byNs = this.refs.get(involved.kind);
    if (!byNs) this.refs.set(involved.kind, (byNs = new Map()));
    let byName = byNs.get(involved.namespace ?? '');
    if (!byName) byNs.set(involved.namespace ?? '', (byName = new Map()));
    let involvedObject = byName.get(involved.name);
    if (!involvedObject) {
      involvedObject = { kind: involved.kind, name: involved.name };
      if (involved.namespace) involvedObject.namespace = involved.namespace;
      byName.set(involved.name, Object.freeze(involvedObject));
    }
    const e: SimEvent = { time: this.now(), type: eventType, reason, involvedObject, message, source };
    if (this.step !== undefined) e.step = this.step;
    this.events.push(e);
    for (const l of this.listeners) l(e);
    return e;
  }

  /** Adds events made elsewhere (a fast-forward's generated cycles), as if recorded in order. */
  append(events: readonly SimEvent[]): void {
    for (const e of events) {
      this.events.push(e);
      for (const l of this.listeners) l(e);
    }
  }

  onEvent(listener: (e: SimEvent) => void): void {
    this.listeners.push(listener);
  }
}
