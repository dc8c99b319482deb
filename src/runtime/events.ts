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

  /** Events repeat the same objects and messages many times; sharing them keeps long runs small. */
  private readonly refs = new Map<string, SimEvent['involvedObject']>();
  private readonly messages = new Map<string, string>();

  record(source: string, involved: ObjRef, eventType: EventType, reason: string, message: string): SimEvent {
    const key = `${involved.kind}/${involved.namespace ?? ''}/${involved.name}`;
    let involvedObject = this.refs.get(key);
    if (!involvedObject) {
      involvedObject = { kind: involved.kind, name: involved.name };
      if (involved.namespace) involvedObject.namespace = involved.namespace;
      this.refs.set(key, Object.freeze(involvedObject));
    }
    let text = this.messages.get(message);
    if (text === undefined) {
      if (this.messages.size > 10_000) this.messages.clear();
      this.messages.set(message, (text = message));
    }
    const e: SimEvent = { time: this.now(), type: eventType, reason, involvedObject, message: text, source };
    if (this.step !== undefined) e.step = this.step;
    this.events.push(e);
    for (const l of this.listeners) l(e);
    return e;
  }

  onEvent(listener: (e: SimEvent) => void): void {
    this.listeners.push(listener);
  }
}
