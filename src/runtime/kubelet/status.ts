// Renders a pod's status from the kubelet's view of its containers (pkg/kubelet/status, kubelet_pods.go).
import type { Stored } from '../api/types.js';
import { rfc3339 } from '../time.js';
import { internObject, internString, idOf } from '../intern.js';

export type ContainerState =
  | { kind: 'waiting'; reason: 'ContainerCreating' | 'CrashLoopBackOff' | 'PodInitializing'; message?: string }
  | { kind: 'running'; startedAt: number }
  | { kind: 'terminated'; exitCode: number; startedAt: number; finishedAt: number };

/** What the kubelet knows about a pod, one state for all its containers (they behave together). */
export interface PodView {
  startTime: number;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  state: ContainerState;
  lastTerminated?: { exitCode: number; startedAt: number; finishedAt: number };
  ready: boolean;
  restartCount: number;
  hostIP: string;
  podIP: string;
  /** containerd://… of the current container run, made once per run. */
  containerID?: string;
  /** When each condition last changed (type → ms). */
  transitions: Map<string, number>;
  /** status.reason / status.message, e.g. DeadlineExceeded (pkg/kubelet/active_deadline.go). */
  reason?: string;
  message?: string;
}

const sec = (ms: number): string => rfc3339(Math.floor(ms / 1000) * 1000);
const EMPTY = Object.freeze({});

function terminatedState(t: { exitCode: number; startedAt: number; finishedAt: number }): Record<string, unknown> {
  return internObject(`T|${t.exitCode}|${t.startedAt}|${t.finishedAt}`, () => ({
    terminated: {
      exitCode: t.exitCode,
      reason: t.exitCode === 0 ? 'Completed' : 'Error',
      startedAt: sec(t.startedAt),
      finishedAt: sec(t.finishedAt),
    },
  }));
}

function stateJson(s: ContainerState): Record<string, unknown> {
  switch (s.kind) {
    case 'waiting':
      return internObject(`W|${s.reason}|${s.message ?? ''}`, () => ({ waiting: s.message ? { reason: s.reason, message: s.message } : { reason: s.reason } }));
    case 'running':
      return internObject(`R|${s.startedAt}`, () => ({ running: { startedAt: sec(s.startedAt) } }));
    case 'terminated':
      return terminatedState(s);
  }
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
}

function conditionsOf(view: PodView): Condition[] {
  const done = view.phase === 'Succeeded' || view.phase === 'Failed';
  const completedReason = done ? (view.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed') : undefined;
  const ready: Condition = view.ready
    ? { type: 'Ready', status: 'True' }
    : { type: 'Ready', status: 'False', reason: completedReason ?? 'ContainersNotReady' };
  return [
    { type: 'PodReadyToStartContainers', status: done ? 'False' : 'True' },
    { type: 'Initialized', status: 'True', ...(completedReason === 'PodCompleted' ? { reason: 'PodCompleted' } : {}) },
    ready,
    { ...ready, type: 'ContainersReady' },
  ];
}

/** The pod's new status, keeping PodScheduled from the scheduler and transition times that did not change. */
export function renderStatus(pod: Stored, view: PodView, now: number): Record<string, unknown> {
  const previous = (pod.status?.conditions ?? []) as { type: string; status: string }[];
  const conditions: object[] = [];
  let listKey = 'L';
  let scheduled: { type: string } | undefined;
  let disruption: { type: string } | undefined;
  for (const p of previous) if (p.type === 'PodScheduled') scheduled = p;
  // DisruptionTarget is written by the control plane (eviction, taint manager); the kubelet keeps it.
  for (const p of previous) if (p.type === 'DisruptionTarget') disruption = p;
  for (const c of conditionsOf(view)) {
    let prev: { status: string } | undefined;
    for (const p of previous) if (p.type === c.type) prev = p;
    if (!prev || prev.status !== c.status) view.transitions.set(c.type, now);
    const at = view.transitions.get(c.type) ?? now;
    const message =
      c.status === 'False' && c.reason === 'ContainersNotReady'
        ? `containers with unready status: [${(pod.spec?.containers ?? []).map((x: { name: string }) => x.name).join(' ')}]`
        : undefined;
    const cond = internObject(`C|${c.type}|${c.status}|${c.reason ?? ''}|${message ?? ''}|${Math.floor(at / 1000)}`, () => {
      const out: Record<string, unknown> = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: sec(at) };
      if (c.reason) out.reason = c.reason;
      if (message) out.message = message;
      return out;
    });
    conditions.push(cond);
    listKey += `,${idOf(cond)}`;
  }
  for (const extra of [scheduled, disruption]) {
    if (!extra) continue;
    conditions.push(extra);
    listKey += `,${idOf(extra)}`;
  }
  const sharedConditions = internObject(listKey, () => conditions);
  const containerStatuses = (pod.spec?.containers ?? []).map((c: { name: string; image: string }) => {
    const s: Record<string, unknown> = {
      name: c.name,
      state: stateJson(view.state),
      ready: view.ready,
      restartCount: view.restartCount,
      image: c.image,
      imageID: view.state.kind === 'waiting' && view.restartCount === 0 ? '' : internString(`docker.io/library/${c.image}`),
      started: view.state.kind === 'running',
    };
    s.lastState = view.lastTerminated ? terminatedState(view.lastTerminated) : EMPTY;
    if (view.state.kind !== 'waiting' || view.restartCount > 0) {
      const id = `containerd://${pod.metadata.uid.replace(/-/g, '')}${view.restartCount}`;
      if (view.containerID !== id) view.containerID = id;
      s.containerID = view.containerID;
    }
    return s;
  });
  // Built key by key rather than spread, so every pod's status shares one hidden class (see api/copy.ts).
  const status: Record<string, unknown> = {};
  const prev = pod.status as Record<string, unknown> | undefined;
  if (prev) for (const k in prev) status[k] = prev[k];
  if (view.reason) {
    status.reason = view.reason;
    status.message = view.message ?? '';
  }
  status.phase = view.phase;
  status.conditions = sharedConditions;
  status.hostIP = view.hostIP;
  status.hostIPs = internObject(`H|${view.hostIP}`, () => [{ ip: view.hostIP }]);
  status.podIP = view.podIP;
  status.podIPs = pod.status?.podIP === view.podIP && pod.status?.podIPs ? pod.status.podIPs : [{ ip: view.podIP }];
  status.startTime = sec(view.startTime);
  status.containerStatuses = containerStatuses;
  return status;
}
