// `-o json`: {"clock", "items", "events"} as the simulate contract defines it.
import type { SimulationResult } from '../scenario/engine.js';
import type { SimEvent } from '../events.js';
import { rfc3339 } from '../time.js';

export interface JsonEvent {
  time: string;
  type: string;
  reason: string;
  involvedObject: { kind: string; name: string; namespace?: string };
  message: string;
}

export function eventJson(e: SimEvent): JsonEvent {
  return { time: rfc3339(e.time), type: e.type, reason: e.reason, involvedObject: e.involvedObject, message: e.message };
}

/** The JSON document (2-space indented, trailing newline). Byte-identical for the same run. */
export function formatJson(result: SimulationResult): string {
  const doc = { clock: result.clock, items: result.items, events: result.events.map(eventJson) };
  return JSON.stringify(doc, null, 2) + '\n';
}
