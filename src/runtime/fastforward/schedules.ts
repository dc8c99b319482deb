// CronJob schedules are the runtime's only input tied to absolute time: a fast-forward may carry a cycle
// forward only while every schedule fires at the same places in each cycle, and every time zone keeps
// its offset (the scheduled-timestamp annotation is written in the CronJob's zone).
import type { CronJob, Stored } from '../api/types.js';
import { cronJobSchedule, nextTime } from '../controllers/cronjob/schedule.js';
import { loadZone, UTC_ZONE, type Zone } from '../controllers/cronjob/zone.js';

export interface CycleWindow {
  /** End of the cycle the template was learned on (its firings are in (start - period, start]). */
  start: number;
  period: number;
}

/**
 * How many cycles after the learned one (1..max) repeat its firings exactly, shifted by whole periods,
 * for every CronJob: the largest k such that cycles 1..k all do.
 */
export function cyclesWithSameFirings(cronJobs: readonly Stored<CronJob>[], w: CycleWindow, max: number): number {
  let k = max;
  for (const cj of cronJobs) k = Math.min(k, sameFiringsFor(cj, w, k));
  return k;
}

function sameFiringsFor(cj: Stored<CronJob>, w: CycleWindow, max: number): number {
  const spec = cj.spec;
  if (!spec || spec.suspend === true) return max;
  const tz = spec.timeZone ?? undefined;
  const parsed = cronJobSchedule(spec.schedule ?? '', tz);
  if (!parsed.ok) return max;
  const loaded = tz === undefined ? UTC_ZONE : loadZone(tz);
  const zone: Zone = typeof loaded === 'string' ? UTC_ZONE : loaded;
  const learned = firingsIn(parsed.schedule, w.start - w.period, w.start);
  const offset = learned.length > 0 ? zone.offsetAt(learned[0]!) : zone.offsetAt(w.start);
  if (learned.some((t) => zone.offsetAt(t) !== offset)) return 0;
  let t = nextTime(parsed.schedule, w.start);
  for (let k = 1; k <= max; k++) {
    const shift = k * w.period;
    const end = w.start + shift;
    for (const expected of learned) {
      if (t !== expected + shift || zone.offsetAt(t) !== offset) return k - 1;
      t = nextTime(parsed.schedule, t);
    }
    if (t !== undefined && t <= end) return k - 1;
  }
  return max;
}

function firingsIn(schedule: Parameters<typeof nextTime>[0], from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = nextTime(schedule, from); t !== undefined && t <= to; t = nextTime(schedule, t)) out.push(t);
  return out;
}
