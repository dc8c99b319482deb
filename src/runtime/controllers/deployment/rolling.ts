// RollingUpdate (pkg/controller/deployment/rolling.go): grow the new ReplicaSet into the surge room,
// shrink old ones as far as availability allows, never below replicas − maxUnavailable available.
import type { Plan } from './plan.js';
import { scaleAndRecord, scaleReplicaSet } from './plan.js';
import type { RS } from './util.js';
import { replicasOf, specReplicas, availableReplicas, maxUnavailable, maxSurge, newRSNewReplicas, byCreation, activeReplicaSets, deploymentComplete, statusOf } from './util.js';
import { getAllReplicaSetsAndSyncRevision, cleanupDeployment } from './sync.js';
import { syncRolloutStatus } from './progress.js';

/** How far old ReplicaSets may shrink in total (reconcileOldReplicaSets' maxScaledDown). */
export function maxScaledDown(allSpecReplicas: number, desired: number, maxUnavail: number, newRSSpec: number, newRSAvailable: number): number {
  const minAvailable = desired - maxUnavail;
  const newRSUnavailable = newRSSpec - newRSAvailable;
  return allSpecReplicas - minAvailable - newRSUnavailable;
}

function reconcileNewReplicaSet(plan: Plan, all: RS[], newRS: RS): boolean {
  const want = replicasOf(plan.d);
  if (replicasOf(newRS) === want) return false;
  if (replicasOf(newRS) > want) return scaleAndRecord(plan, newRS, want);
  const n = newRSNewReplicas('RollingUpdate', want, maxSurge(plan.d), specReplicas(all), replicasOf(newRS));
  return scaleAndRecord(plan, newRS, n);
}

/** cleanupUnhealthyReplicas: first take away old ReplicaSets' unavailable pods, oldest ReplicaSet first. */
function cleanupUnhealthy(plan: Plan, oldRSs: RS[], maxCleanup: number): { oldRSs: RS[]; count: number } {
  let total = 0;
  const out: RS[] = [];
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup || replicasOf(rs) === 0) {
      out.push(rs);
      continue;
    }
    const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
    if (unhealthy <= 0) {
      out.push(rs);
      continue;
    }
    const down = Math.min(maxCleanup - total, unhealthy);
    out.push(scaleReplicaSet(plan, rs, replicasOf(rs) - down, 'down'));
    total += down;
  }
  return { oldRSs: out, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: shrink old ReplicaSets by what availability allows. */
function scaleDownOld(plan: Plan, all: RS[], oldRSs: RS[]): number {
  const minAvailable = replicasOf(plan.d) - maxUnavailable(plan.d);
  const available = availableReplicas(all);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const down = Math.min(replicasOf(rs), target - total);
    scaleReplicaSet(plan, rs, replicasOf(rs) - down, 'down');
    total += down;
  }
  return total;
}

function reconcileOldReplicaSets(plan: Plan, all: RS[], activeOld: RS[], newRS: RS): boolean {
  if (specReplicas(activeOld) === 0) return false;
  const room = maxScaledDown(specReplicas(all), replicasOf(plan.d), maxUnavailable(plan.d), replicasOf(newRS), newRS.status?.availableReplicas ?? 0);
  if (room <= 0) return false;
  const cleaned = cleanupUnhealthy(plan, activeOld, room);
  const scaledDown = scaleDownOld(plan, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.count + scaledDown > 0;
}

export function rolloutRolling(plan: Plan): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(plan, true);
  if (!newRS) return syncRolloutStatus(plan, oldRSs, undefined);
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(plan, all, newRS)) return syncLatest(plan, newRS);
  if (reconcileOldReplicaSets(plan, all, activeReplicaSets(oldRSs), newRS)) return syncLatest(plan, newRS);
  if (deploymentComplete(plan.d, statusOf(plan.d))) cleanupDeployment(plan, oldRSs);
  syncLatest(plan, newRS);
}

/** Status from the ReplicaSets as this sync left them. */
function syncLatest(plan: Plan, newRS: RS): void {
  const latestNew = plan.rss.find((rs) => rs.metadata.name === newRS.metadata.name);
  syncRolloutStatus(plan, plan.rss, latestNew);
}
