// Renders a pod's status from the kubelet's view of its containers (pkg/kubelet/status, kubelet_pods.go).
import type { Stored } from '../api/types.js';
import { rfc3339 } from '../time.js';
import { InternTable, internList } from '../intern.js';

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
  /** containerd://… of the current container run, made once per run (the restartCount it was made for). */
  containerID?: string;
  containerRun?: number;
  /** When each condition last changed (type → ms); the same four types, set in the same order, for every pod. */
  transitions: Record<string, number>;
  /** status.reason / status.message, e.g. DeadlineExceeded (pkg/kubelet/active_deadline.go). */
  reason?: string;
  message?: string;
}

const sec = (ms: number): string => rfc3339(Math.floor(ms / 1000) * 1000);
const EMPTY = Object.freeze({});

const states = new InternTable<Record<string, unknown>>();
const conditionTable = new InternTable<Record<string, unknown>>();
const hostIPLists = new InternTable<object[]>();

function terminatedState(t: { exitCode: number; startedAt: number; finishedAt: number }): Record<string, unknown> {
  return states.get3(t.exitCode, t.startedAt, t.finishedAt, () => ({
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
      return states.get3('W', s.reason, s.message ?? '', () => ({ waiting: s.message ? { reason: s.reason, message: s.message } : { reason: s.reason } }));
    case 'running':
      return states.get2('R', s.startedAt, () => ({ running: { startedAt: sec(s.startedAt) } }));
    case 'terminated':
      return terminatedState(s);
  }
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
}

/** Every condition the kubelet writes, as constants: their identity keys the interned conditions. */
const C = {
  readyToStart: { type: 'PodReadyToStartContainers', status: 'True' },
  notReadyToStart: { type: 'PodReadyToStartContainers', status: 'False' },
  initialized: { type: 'Initialized', status: 'True' },
  initializedCompleted: { type: 'Initialized', status: 'True', reason: 'PodCompleted' },
  ready: { type: 'Ready', status: 'True' },
  containersReady: { type: 'ContainersReady', status: 'True' },
} as const satisfies Record<string, Condition>;
const notReady = (reason: 'PodCompleted' | 'PodFailed' | 'ContainersNotReady'): [Condition, Condition] => [
  { type: 'Ready', status: 'False', reason },
  { type: 'ContainersReady', status: 'False', reason },
];
const NOT_READY = { PodCompleted: notReady('PodCompleted'), PodFailed: notReady('PodFailed'), ContainersNotReady: notReady('ContainersNotReady') };

function conditionSet(phase: PodView['phase'], isReady: boolean): readonly Condition[] {
  const done = phase === 'Succeeded' || phase === 'Failed';
  const completedReason = done ? (phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed') : undefined;
  const [ready, containersReady] = isReady ? [C.ready, C.containersReady] : NOT_READY[completedReason ?? 'ContainersNotReady'];
  return Object.freeze([done ? C.notReadyToStart : C.readyToStart, completedReason === 'PodCompleted' ? C.initializedCompleted : C.initialized, ready, containersReady]);
}

/** The kubelet's four conditions for each phase, not ready and ready: made once. */
const CONDITION_SETS = new Map(
  (['Pending', 'Running', 'Succeeded', 'Failed'] as const).map((phase) => [phase, [conditionSet(phase, false), conditionSet(phase, true)] as const]),
);

function conditionsOf(view: PodView): readonly Condition[] {
  return CONDITION_SETS.get(view.phase)![view.ready ? 1 : 0];
}

/** "containers with unready status: [a b]", made once per containers list (pods of a template share it). */
const unreadyMessages = new WeakMap<object, string>();
function unreadyMessage(containers: { name: string }[]): string {
  let m = unreadyMessages.get(containers);
  if (m === undefined) unreadyMessages.set(containers, (m = `containers with unready status: [${containers.map((x) => x.name).join(' ')}]`));
  return m;
}

const imageIDs = new Map<string, string>();
function imageID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    if (imageIDs.size > 10_000) imageIDs.clear();
    imageIDs.set(image, (id = `docker.io/library/${image}`));
  }
  return id;
}

/** The pod's new status, keeping PodScheduled from the scheduler and transition times that did not change. */
export function renderStatus(pod: Stored, view: PodView, now: number): Record<string, unknown> {
  const previous = (pod.status?.conditions ?? []) as { type: string; status: string }[];
  const conditions: object[] = [];
  // One pass over the previous conditions, the last of each type counting. PodScheduled is the
  // scheduler's; DisruptionTarget is written by the control plane (eviction, taint manager): the kubelet
  // keeps both.
  type Prev = { type: string; status: string } | undefined;
  let scheduled: Prev, disruption: Prev, readyToStart: Prev, initialized: Prev, ready: Prev, containersReady: Prev;
  for (const p of previous) {
    switch (p.type) {
      case 'PodScheduled': scheduled = p; break;
      case 'DisruptionTarget': disruption = p; break;
      case 'PodReadyToStartContainers': readyToStart = p; break;
      case 'Initialized': initialized = p; break;
      case 'Ready': ready = p; break;
      case 'ContainersReady': containersReady = p; break;
    }
  }
  const set = conditionsOf(view);
  const prevs = [readyToStart, initialized, ready, containersReady];
  for (let i = 0; i < set.length; i++) {
    const c = set[i]!;
    // Every set lists PodReadyToStartContainers, Initialized, Ready, ContainersReady in this order.
    const prev = prevs[i];
    if (!prev || prev.status !== c.status) view.transitions[c.type] = now;
    const at = view.transitions[c.type] ?? now;
    const message = c.status === 'False' && c.reason === 'ContainersNotReady' ? unreadyMessage(pod.spec?.containers ?? []) : undefined;
    const cond = conditionTable.get3(c, message ?? '', Math.floor(at / 1000), () => {
      const out: Record<string, unknown> = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: sec(at) };
      if (c.reason) out.reason = c.reason;
      if (message) out.message = message;
      return out;
    });
    conditions.push(cond);
  }
  if (scheduled) conditions.push(scheduled);
  if (disruption) conditions.push(disruption);
  const sharedConditions = internList(conditions);
  const containerStatuses = (pod.spec?.containers ?? []).map((c: { name: string; image: string }) => {
    const s: Record<string, unknown> = {
      name: c.name,
      state: stateJson(view.state),
      ready: view.ready,
      restartCount: view.restartCount,
      image: c.image,
      imageID: view.state.kind === 'waiting' && view.restartCount === 0 ? '' : imageID(c.image),
      started: view.state.kind === 'running',
    };
    s.lastState = view.lastTerminated ? terminatedState(view.lastTerminated) : EMPTY;
    if (view.state.kind !== 'waiting' || view.restartCount > 0) {
      if (view.containerRun !== view.restartCount) {
        view.containerRun = view.restartCount;
        view.containerID = `containerd://${pod.metadata.uid.replace(/-/g, '')}${view.restartCount}`;
      }
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
  status.hostIPs = hostIPLists.get2('H', view.hostIP, () => [{ ip: view.hostIP }]);
  status.podIP = view.podIP;
  status.podIPs = pod.status?.podIP === view.podIP && pod.status?.podIPs ? pod.status.podIPs : [{ ip: view.podIP }];
  status.startTime = sec(view.startTime);
  status.containerStatuses = containerStatuses;
  return status;
}
