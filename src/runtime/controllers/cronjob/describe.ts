/**
 * A plain-English reading of a CronJob schedule ("Every 5 minutes", "At 02:00, only on Sunday"),
 * from the `cronstrue` library, after checking the schedule with Kubernetes' own parser so that
 * nothing Kubernetes rejects gets a friendly description.
 */
import { lazyRequire } from '../../../util/lazy-require.js';
import { parseSchedule } from './schedule.js';

/** Required on first use: most runs never describe a schedule. */
const describer = lazyRequire<typeof import('cronstrue').default>('cronstrue');

/**
 * Describe `schedule` as the CronJob with this `timeZone` runs it. The zone is always named
 * (UTC when unset: the simulated controller manager runs in UTC). An invalid schedule is
 * described as such, with Kubernetes' reason.
 */
export function describeSchedule(schedule: string, timeZone?: string): string {
  const parsed = parseSchedule(schedule);
  if (!parsed.ok) return `not a valid schedule: ${parsed.error}`;
  const prefix = /^(?:CRON_)?TZ=(\S+)\s+/.exec(schedule);
  const zone = prefix?.[1] ?? timeZone ?? 'UTC';
  const body = prefix ? schedule.slice(prefix[0].length) : schedule;
  const every = /^@every (.+)$/.exec(body);
  if (every) return `Every ${every[1]}, counted from the CronJob's creation or last run`;
  try {
    const text = describer().toString(body, { use24HourTimeFormat: true, dayOfWeekStartIndexZero: true });
    return `${text} (${zone})`;
  } catch {
    // cronstrue reads a few odd-but-valid forms (such as "*-5") differently; say what we know.
    return `On the schedule "${body}" (${zone})`;
  }
}
