// Recreate (pkg/controller/deployment/recreate.go): scale every old ReplicaSet to 0, wait until their
// pods are gone, then create/scale the new ReplicaSet.
import type { Plan } from './plan.js';
import { scaleAndRecord } from './plan.js';
import type { RS } from './util.js';
import { activeReplicaSets, actualReplicas, replicasOf, deploymentComplete, statusOf } from './util.js';
import { getAllReplicaSetsAndSyncRevision, cleanupDeployment } from './sync.js';
import { syncRolloutStatus } from './progress.js';
import { ownedBy } from '../podutil.js';

/** oldPodsRunning: any old pod that exists and has not finished (terminating pods count). */
function oldPodsRunning(plan: Plan, oldRSs: RS[]): boolean {
  if (actualReplicas(oldRSs) > 0) return true;
  for (const rs of oldRSs) {
    if (!rs.metadata.uid) continue;
    for (const pod of ownedBy(plan.store, rs, 'Pod')) {
      const phase = pod.status?.phase;
      if (phase !== 'Succeeded' && phase !== 'Failed') return true;
    }
  }
  return false;
}

export function rolloutRecreate(plan: Plan): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, false);
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) scaledDown = scaleAndRecord(plan, rs, 0) || scaledDown;
  if (scaledDown || oldPodsRunning(plan, oldRSs)) return syncRolloutStatus(plan, plan.rss, latest(plan, newRS));
  if (!newRS) ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, true));
  if (newRS) scaleAndRecord(plan, latest(plan, newRS)!, replicasOf(plan.d));
  if (deploymentComplete(plan.d, statusOf(plan.d))) cleanupDeployment(plan, oldRSs);
  syncRolloutStatus(plan, plan.rss, latest(plan, newRS));
}

function latest(plan: Plan, rs: RS | undefined): RS | undefined {
  return rs && plan.rss.find((x) => x.metadata.name === rs.metadata.name);
}
