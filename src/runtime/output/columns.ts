// kubectl's printers (pkg/printers/internalversion/printers.go) for the kinds the simulator serves:
// one row of cells per object, given the virtual "now" for ages.
import type { Stored } from '../api/types.js';
import { humanAge } from '../time.js';

export interface Printer {
  /** The resource name kubectl prints before the object name ("pod", "deployment.apps"). */
  resource: string;
  headers: string[];
  row(o: Stored, now: number): string[];
}

const age = (t: string | undefined, now: number): string => (t ? humanAge(now - Date.parse(t)) : '<unknown>');
const n = (v: unknown): string => String(typeof v === 'number' ? v : 0);

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: unknown; terminated?: { reason?: string; exitCode?: number; signal?: number } };
  lastState?: { terminated?: { finishedAt?: string } };
}

/** The STATUS column of `kubectl get pods` (printPod). */
export function podStatus(pod: Stored): { ready: string; status: string; restarts: number; lastRestart?: string } {
  const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  let readyCount = 0;
  let restarts = 0;
  let lastRestart: string | undefined;
  let hasRunning = false;
  for (const cs of [...statuses].reverse()) {
    restarts += cs.restartCount ?? 0;
    const finished = cs.lastState?.terminated?.finishedAt;
    if (finished && (!lastRestart || finished > lastRestart)) lastRestart = finished;
    const st = cs.state ?? {};
    if (st.waiting?.reason) reason = st.waiting.reason;
    else if (st.terminated?.reason) reason = st.terminated.reason;
    else if (st.terminated) reason = st.terminated.signal ? `Signal:${st.terminated.signal}` : `ExitCode:${st.terminated.exitCode ?? 0}`;
    else if (cs.ready && st.running) {
      hasRunning = true;
      readyCount++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    const ready = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
    reason = ready ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  const total = (pod.spec?.containers ?? []).length;
  const out: { ready: string; status: string; restarts: number; lastRestart?: string } = { ready: `${readyCount}/${total}`, status: reason, restarts };
  if (lastRestart) out.lastRestart = lastRestart;
  return out;
}

function jobStatus(job: Stored): string {
  const conds: { type: string; status: string }[] = job.status?.conditions ?? [];
  const has = (t: string): boolean => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  return 'Running';
}

function duration(from: string | undefined, to: string | undefined, now: number): string {
  if (!from) return '';
  return humanAge((to ? Date.parse(to) : now) - Date.parse(from));
}

const ACCESS_MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
const modes = (m: string[] | undefined): string => (m ?? []).map((x) => ACCESS_MODES[x] ?? x).join(',');

export const PRINTERS: Record<string, Printer> = {
  Node: {
    resource: 'node',
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    row: (o, now) => {
      const ready = (o.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
      let status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
      if (o.spec?.unschedulable) status += ',SchedulingDisabled';
      return [status, '<none>', age(o.metadata.creationTimestamp, now), o.status?.nodeInfo?.kubeletVersion ?? ''];
    },
  },
  Pod: {
    resource: 'pod',
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE'],
    row: (o, now) => {
      const s = podStatus(o);
      const restarts = s.lastRestart && s.restarts > 0 ? `${s.restarts} (${age(s.lastRestart, now)} ago)` : String(s.restarts);
      return [s.ready, s.status, restarts, age(o.metadata.creationTimestamp, now), o.spec?.nodeName || '<none>'];
    },
  },
  ReplicaSet: {
    resource: 'replicaset.apps',
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    row: (o, now) => [n(o.spec?.replicas), n(o.status?.replicas), n(o.status?.readyReplicas), age(o.metadata.creationTimestamp, now)],
  },
  Deployment: {
    resource: 'deployment.apps',
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    row: (o, now) => [`${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`, n(o.status?.updatedReplicas), n(o.status?.availableReplicas), age(o.metadata.creationTimestamp, now)],
  },
  StatefulSet: {
    resource: 'statefulset.apps',
    headers: ['NAME', 'READY', 'AGE'],
    row: (o, now) => [`${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`, age(o.metadata.creationTimestamp, now)],
  },
  DaemonSet: {
    resource: 'daemonset.apps',
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    row: (o, now) => {
      const sel = Object.entries(o.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
      const s = o.status ?? {};
      return [n(s.desiredNumberScheduled), n(s.currentNumberScheduled), n(s.numberReady), n(s.updatedNumberScheduled), n(s.numberAvailable), sel, age(o.metadata.creationTimestamp, now)];
    },
  },
  Job: {
    resource: 'job.batch',
    headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    row: (o, now) => {
      const completions = o.spec?.completions != null ? `${n(o.status?.succeeded)}/${o.spec.completions}` : `${n(o.status?.succeeded)}/1 of ${o.spec?.parallelism ?? 1}`;
      return [jobStatus(o), completions, duration(o.status?.startTime, o.status?.completionTime, now), age(o.metadata.creationTimestamp, now)];
    },
  },
  CronJob: {
    resource: 'cronjob.batch',
    headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    row: (o, now) => [
      o.spec?.schedule ?? '',
      o.spec?.timeZone ?? '<none>',
      o.spec?.suspend ? 'True' : 'False',
      String((o.status?.active ?? []).length),
      o.status?.lastScheduleTime ? age(o.status.lastScheduleTime, now) : '<none>',
      age(o.metadata.creationTimestamp, now),
    ],
  },
  PersistentVolumeClaim: {
    resource: 'persistentvolumeclaim',
    headers: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    row: (o, now) => [
      o.status?.phase ?? 'Pending',
      o.spec?.volumeName ?? '',
      o.status?.capacity?.storage ?? '',
      modes(o.status?.accessModes),
      o.spec?.storageClassName ?? '<unset>',
      '<unset>',
      age(o.metadata.creationTimestamp, now),
    ],
  },
  PersistentVolume: {
    resource: 'persistentvolume',
    headers: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
    row: (o, now) => [
      o.spec?.capacity?.storage ?? '',
      modes(o.spec?.accessModes),
      o.spec?.persistentVolumeReclaimPolicy ?? '',
      o.status?.phase ?? '',
      o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '',
      o.spec?.storageClassName ?? '',
      '<unset>',
      o.status?.reason ?? '',
      age(o.metadata.creationTimestamp, now),
    ],
  },
  Service: {
    resource: 'service',
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    row: (o, now) => [
      o.spec?.type ?? 'ClusterIP',
      o.spec?.clusterIP ?? '<none>',
      '<none>',
      (o.spec?.ports ?? []).map((p: { port: number; protocol?: string; nodePort?: number }) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') || '<none>',
      age(o.metadata.creationTimestamp, now),
    ],
  },
};
