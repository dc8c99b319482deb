// `-o events`: one line per event, "+12s  Normal  SuccessfulCreate  ReplicaSet/web-7d4b9  Created pod: …".
import type { SimEvent } from '../events.js';
import { formatOffset } from '../time.js';

export function formatEventLine(e: SimEvent, start: number): string {
  const obj = `${e.involvedObject.kind}/${e.involvedObject.name}`;
  return [formatOffset(e.time - start), e.type, e.reason, obj, e.message].join('  ');
}

export function formatEvents(events: readonly SimEvent[], start: number): string {
  return events.map((e) => formatEventLine(e, start) + '\n').join('');
}
