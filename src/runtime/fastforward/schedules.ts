// CronJob schedules are the runtime's only input tied to absolute time: a fast-forward may carry a cycle
// forward only while every schedule fires at the same places in each cycle, and every time zone keeps
// its offset (the scheduled-timestamp annotation is written in the CronJob's zone).
import type { CronJob, Stored } from '../api/types.js';
import { cronJobSchedule, nextTime, type Schedule } from '../controllers/cronjob/schedule.js';
import { UTC_ZONE, type Zone } from '../controllers/cronjob/zone.js';

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
  // A few cycles of each first: most mismatches show at once, and one CronJob's long check is then spared.
  const probe = Math.min(max, 16);
  let k = probe;
  for (const cj of cronJobs) k = Math.min(k, sameFiringsFor(cj, w, k));
  if (k < probe) return k;
  k = max;
  for (const cj of cronJobs) k = Math.min(k, sameFiringsFor(cj, w, k));
  return k;
}

function sameFiringsFor(cj: Stored<CronJob>, w: CycleWindow, max: number): number {
  const spec = cj.spec;
  if (!spec || spec.suspend === true) return max;
  const parsed = cronJobSchedule(spec.schedule ?? '', spec.timeZone ?? undefined);
  if (!parsed.ok) return max;
  // The schedule's own zone: spec.timeZone, or a CRON_TZ=/TZ= prefix in the schedule.
  const zone: Zone = parsed.schedule.kind === 'spec' ? parsed.schedule.zone : UTC_ZONE;
  const learned = firingsIn(parsed.schedule, w.start - w.period, w.start);
  const offset = learned.length > 0 ? zone.offsetAt(learned[0]!) : zone.offsetAt(w.start);
  if (learned.some((t) => zone.offsetAt(t) !== offset)) return 0;
  // A schedule that fires every day alike, in a zone whose offset holds, repeats daily: cycles that
  // repeat over a day and one more cycle repeat for ever, and only those need looking at.
  const horizon = firesDaily(parsed.schedule) && offsetHolds(zone, w.start - w.period, w.start + max * w.period) ? Math.min(max, Math.ceil(DAY / w.period) + 1) : max;
  const k = sameFiringsUpTo(parsed.schedule, zone, w, learned, offset, horizon);
  return k === horizon ? max : k;
}

function sameFiringsUpTo(schedule: Schedule, zone: Zone, w: CycleWindow, learned: readonly number[], offset: number, max: number): number {
  let t = nextTime(schedule, w.start);
  for (let k = 1; k <= max; k++) {
    const shift = k * w.period;
    const end = w.start + shift;
    for (const expected of learned) {
      if (t !== expected + shift || zone.offsetAt(t) !== offset) return k - 1;
      t = nextTime(schedule, t);
    }
    if (t !== undefined && t <= end) return k - 1;
  }
  return max;
}

const DAY = 86_400_000;
/** Offsets change only on 15-minute boundaries (see zone.ts). */
const OFFSET_STEP = 15 * 60_000;

/** Every day of every month and weekday allowed: the same times each day. */
function firesDaily(schedule: Schedule): boolean {
  return schedule.kind === 'spec' && allFrom(schedule.dom.allowed, 1) && allFrom(schedule.month.allowed, 1) && allFrom(schedule.dow.allowed, 0);
}

function allFrom(allowed: readonly boolean[], min: number): boolean {
  for (let v = min; v < allowed.length; v++) if (!allowed[v]) return false;
  return true;
}

function offsetHolds(zone: Zone, from: number, to: number): boolean {
  if (zone === UTC_ZONE) return true;
  const offset = zone.offsetAt(from);
  for (let t = from; t <= to + OFFSET_STEP; t += OFFSET_STEP) if (zone.offsetAt(t) !== offset) return false;
  return true;
}

function firingsIn(schedule: Schedule, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = nextTime(schedule, from); t !== undefined && t <= to; t = nextTime(schedule, t)) out.push(t);
  return out;
}
