/**
 * Which scheduled time a CronJob should start now, and when to look again — the CronJob
 * controller's time arithmetic (pkg/controller/cronjob/utils.go: mostRecentScheduleTime,
 * nextScheduleTime, nextScheduleTimeDuration), as pure functions of the CronJob's times.
 */
import { nextTime, type Schedule } from './schedule.js';

export type Missed = 'none' | 'few' | 'many';

export interface ScheduleState {
  /** metadata.creationTimestamp, ms. */
  readonly created: number;
  /** status.lastScheduleTime, ms. */
  readonly lastScheduled?: number;
  readonly startingDeadlineSeconds?: number;
}

export interface MostRecent {
  /** Where the search started: last schedule, else creation, moved up to now - deadline. */
  readonly earliest: number;
  /** The latest scheduled time in (earliest, now], if any. */
  readonly mostRecent?: number;
  readonly missed: Missed;
  /** A schedule that parses but never (or too rarely) fires, e.g. "0 0 31 2 *". */
  readonly error?: string;
}

/** More missed times than this is "many": a warning, as upstream (the latest one still starts). */
export const TOO_MANY_MISSED = 100;

/**
 * The most recent time a Job should have been created. Counts missed times the way upstream
 * does — a rough division by the interval between the next two activations — and then finds
 * the exact latest one by walking from just before the estimate.
 */
export function mostRecentScheduleTime(state: ScheduleState, now: number, schedule: Schedule, includeDeadline: boolean): MostRecent {
  let earliest = state.lastScheduled ?? state.created;
  if (includeDeadline && state.startingDeadlineSeconds !== undefined) {
    earliest = Math.max(earliest, now - state.startingDeadlineSeconds * 1000);
  }
  const t1 = nextTime(schedule, earliest);
  if (t1 !== undefined && now < t1) return { earliest, missed: 'none' };
  const t2 = t1 === undefined ? undefined : nextTime(schedule, t1);
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.trunc((now - t1!) / 1000);
  const count = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | undefined;
  const from = t1! + (count - 2) * between * 1000;
  for (let t = nextTime(schedule, from); t !== undefined && t <= now; t = nextTime(schedule, t)) mostRecent = t;
  const missed: Missed = count > TOO_MANY_MISSED ? 'many' : 'few';
  return mostRecent === undefined ? { earliest, missed } : { earliest, mostRecent, missed };
}

/**
 * When the controller should look at the CronJob again: the activation after the most recent
 * one. Upstream pads this by 100ms for clock skew between machines; the virtual clock has none,
 * so the simulation wakes exactly on the scheduled time and Jobs are created on the minute.
 */
export function nextWakeTime(state: ScheduleState, now: number, schedule: Schedule): number | undefined {
  const r = mostRecentScheduleTime(state, now, schedule, false);
  let from: number;
  if (r.error !== undefined) from = now;
  else if (r.mostRecent !== undefined) from = r.mostRecent;
  else from = r.missed === 'none' ? r.earliest : now;
  return nextTime(schedule, from);
}

/** `<cronjob>-<scheduled time in minutes since the Unix epoch>` (getJobName). */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledMs / 60_000)}`;
}
