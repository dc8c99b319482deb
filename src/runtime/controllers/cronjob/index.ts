/** The CronJob controller: see sync.ts. Plain-English schedules: describe.ts; the parser: schedule.ts. */
import type { Controller } from '../../controller.js';
import { controllerRef, keyOf } from '../../api/types.js';
import { syncCronJob } from './sync.js';

export const cronJobController: Controller = {
  name: 'cronjob-controller',
  watches: {
    CronJob: (change) => (change.type === 'DELETED' ? [] : [keyOf(change.object)]),
    Job: (change) => {
      const owner = controllerRef(change.object);
      if (owner?.kind !== 'CronJob') return [];
      return [`${change.object.metadata.namespace ?? 'default'}/${owner.name}`];
    },
  },
  sync: syncCronJob,
};

export { describeSchedule } from './describe.js';
export { parseSchedule, validateCronJobSchedule, timeZoneError, nextTime, cronJobSchedule } from './schedule.js';
