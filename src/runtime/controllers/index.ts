// Every controller the controller manager runs. Each lives in its own folder; append new ones here.
import type { Controller } from '../controller.js';
import { replicaSetController } from './replicaset/index.js';
import { deploymentController } from './deployment/index.js';
import { statefulSetController } from './statefulset/index.js';
import { daemonSetController } from './daemonset/index.js';
import { persistentVolumeController } from './persistentvolume/index.js';
import { pvcProtectionController, pvProtectionController } from './persistentvolume/protection.js';
import { jobController, ttlAfterFinishedController } from './job/index.js';
import { jobPodFinalizerController } from './job/orphans.js';
import { cronJobController } from './cronjob/index.js';

export const controllers: Controller[] = [
  replicaSetController,
  deploymentController,
  statefulSetController,
  daemonSetController,
  persistentVolumeController,
  pvcProtectionController,
  pvProtectionController,
  jobController,
  jobPodFinalizerController,
  ttlAfterFinishedController,
  cronJobController,
];
