// The kubelet of every simulated node: admits bound pods, starts their containers after the startup time,
// marks them Ready, ends them by the scenario's pod rules, restarts them (restartPolicy) with CrashLoopBackOff,
// and carries out graceful deletion. (pkg/kubelet: kubelet.go syncPod, kuberuntime, status manager.)
import type { Stored } from '../api/types.js';
import { keyOf, refOf } from '../api/types.js';
import type { Store, WatchChange } from '../store.js';
import type { Loop, TaskHandle } from '../loop.js';
import type { EventRecorder } from '../events.js';
import { matchRule, commandBehaviour, DEFAULT_STARTUP_MS, DEFAULT_STOP_MS, DEFAULT_JOB_RUN_MS } from './rules.js';
import type { PodRule } from './rules.js';
import { renderStatus } from './status.js';
import type { PodView } from './status.js';
import type { TokenSink } from '../fastforward/tokens.js';

export const KUBELET = 'kubelet';
/** CrashLoopBackOff: 10 s initial delay, doubling, capped at 5 min (pkg/kubelet/kubelet.go backOff). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** A container that ran this long without crashing has its back-off forgotten (2 × the cap). */
export const BACKOFF_RESET_MS = 600_000;
/** A container stopped by the kubelet exits as a process ends on SIGTERM: 128 + 15. */
export const SIGTERM_EXIT = 143;
/** pkg/kubelet/active_deadline.go */
export const DEADLINE_REASON = 'DeadlineExceeded';
export const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** The n-th consecutive back-off delay (n = 0 for the first restart). */
export function backoffDelay(n: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** Math.min(n, 30));
}

interface PodEntry {
  view: PodView;
  /** Bumped whenever pending timers for the pod become stale. */
  token: number;
  /** Pending timers, withdrawn when they become stale so they do not hold the clock (a pod has one or two). */
  handles: TaskHandle[];
  backoffCount: number;
  terminating: boolean;
  /** The spec.activeDeadlineSeconds timer, withdrawn once the pod is done. */
  deadline?: TaskHandle;
}

function isDone(view: PodView): boolean {
  return view.phase === 'Succeeded' || view.phase === 'Failed';
}

interface ContainerMessages {
  pulling: string;
  pulled: string;
  present: string;
  created: string;
  started: string;
  killing: string;
}

/** The kubelet's event messages about a container, made once per (immutable, shared) container spec. */
const messagesByContainer = new WeakMap<object, ContainerMessages>();
function containerMessages(c: { name: string; image?: string }): ContainerMessages {
  let m = messagesByContainer.get(c);
  if (!m) {
    m = {
      pulling: `Pulling image "${c.image}"`,
      pulled: `Successfully pulled image "${c.image}" in 1s (1s including waiting)`,
      present: `Container image "${c.image}" already present on machine`,
      created: `Created container: ${c.name}`,
      started: `Started container ${c.name}`,
      killing: `Stopping container ${c.name}`,
    };
    messagesByContainer.set(c, m);
  }
  return m;
}

interface RunPlan {
  runFor: number | undefined;
  exitCode: number;
}

export class Kubelet {
  private readonly pods = new Map<string, PodEntry>();
  /** Runs consumed from each rule's failTimes (by rule index), shared by all matching pods. */
  private readonly failuresUsed = new Map<number, number>();
  private nextIP = 0;
  /** Nodes whose kubelet cannot reach the API server (scenario failNode). */
  private readonly unreachable = new Set<string>();
  /** Per unreachable node: work the kubelet will do once it reaches the API server again (by key). */
  private readonly deferred = new Map<string, Map<string, () => void>>();
  /** Told of every pod IP handed out (while a fast-forward watches). */
  tokens: TokenSink | undefined;

  constructor(
    private readonly store: Store,
    private readonly loop: Loop,
    private readonly recorder: EventRecorder,
    private readonly rules: () => readonly PodRule[],
  ) {
    store.watch((c) => this.onChange(c));
  }

  /** The container of a running pod crashes with exit code 1 (scenario `killPod`). Returns false if not running. */
  killPod(namespace: string, name: string): boolean {
    const pod = this.store.get('Pod', namespace, name);
    const entry = pod && this.pods.get(pod.metadata.uid);
    if (!pod || !entry || entry.terminating || entry.view.state.kind !== 'running') return false;
    this.exit(pod.metadata.uid, 1);
    return true;
  }

  /**
   * A node's kubelet loses (false) or regains (true) its connection to the API server. While cut off it
   * reports nothing and finishes no deletion: its evicted pods stay Terminating until it comes back or
   * the node is removed (pod GC then force-deletes them).
   */
  setNodeReachable(node: string, reachable: boolean): void {
    if (!reachable) {
      this.unreachable.add(node);
      return;
    }
    if (!this.unreachable.delete(node)) return;
    const work = this.deferred.get(node);
    this.deferred.delete(node);
    for (const fn of work?.values() ?? []) fn();
  }

  /** Runs `fn` now, or — on an unreachable node — once the node is reachable again. */
  private whenReachable(node: string | undefined, key: string, fn: () => void): void {
    if (!node || !this.unreachable.has(node)) return fn();
    let m = this.deferred.get(node);
    if (!m) this.deferred.set(node, (m = new Map()));
    m.set(key, fn);
  }

  private onChange(c: WatchChange): void {
    const pod = c.object;
    if (pod.kind !== 'Pod') return;
    const uid = pod.metadata.uid;
    if (c.type !== 'DELETED' && pod.spec?.nodeName && this.unreachable.has(pod.spec.nodeName)) {
      // The kubelet will see the pod's latest version when it reconnects.
      this.whenReachable(pod.spec.nodeName, `watch ${uid}`, () => {
        const latest = this.store.getByUid(uid);
        if (latest) this.onChange({ type: 'MODIFIED', object: latest });
      });
      return;
    }
    if (c.type === 'DELETED') {
      const gone = this.pods.get(uid);
      if (gone) {
        this.invalidate(gone);
        gone.deadline?.cancel();
      }
      this.pods.delete(uid);
      return;
    }
    if (!pod.spec?.nodeName) return;
    const entry = this.pods.get(uid);
    if (pod.metadata.deletionTimestamp) {
      if (entry && !entry.terminating) this.terminate(pod, entry);
      return;
    }
    if (!entry && (pod.status?.phase ?? 'Pending') === 'Pending') this.admit(pod);
  }

  private rule(pod: Stored): { rule: PodRule; index: number } | undefined {
    return matchRule(this.rules(), pod);
  }

  private schedule(uid: string, ms: number, label: string, fn: (pod: Stored, entry: PodEntry) => void): void {
    const entry = this.pods.get(uid);
    if (!entry) return;
    const token = entry.token;
    const handle = this.loop.after(ms, label, () => {
      const i = entry.handles.indexOf(handle);
      if (i >= 0) entry.handles.splice(i, 1);
      const e = this.pods.get(uid);
      const pod = e && this.store.getByUid(uid);
      if (!e || !pod || e.token !== token || e.terminating) return;
      this.whenReachable(pod.spec?.nodeName, label, () => {
        const now = this.store.getByUid(uid);
        if (now && this.pods.get(uid) === e && e.token === token && !e.terminating) fn(now, e);
      });
    });
    entry.handles.push(handle);
  }

  /** Makes every pending timer of the pod stale. */
  private invalidate(entry: PodEntry): void {
    entry.token++;
    for (const h of entry.handles) h.cancel();
    entry.handles.length = 0;
  }

  private write(pod: Stored, entry: PodEntry): void {
    // updateStatus reads only the object's identity and status: no copy of the pod for it.
    this.store.updateStatus({ apiVersion: pod.apiVersion, kind: pod.kind, metadata: pod.metadata, status: renderStatus(pod, entry.view, this.loop.now()) });
  }

  /** The next pod IP, as admit() hands them out (a fast-forward makes those of generated cycles). */
  nextPodIP(): string {
    const n = this.nextIP++;
    // Hosts .1–.254 of each /24 of 10.244.0.0/16 in turn: the CNI's IPAM (host-local) hands out a pod
    // CIDR's addresses but never its network (.0) or broadcast (.255) address.
    return `10.244.${Math.floor(n / 254) % 256}.${(n % 254) + 1}`;
  }

  /** Runs of each rule's failTimes used so far, as text (a fast-forward needs them unchanged). */
  failuresSoFar(): string {
    return JSON.stringify([...this.failuresUsed].sort((a, b) => a[0] - b[0]));
  }

  private admit(pod: Stored): void {
    const podIP = this.nextPodIP();
    this.tokens?.made({ kind: 'ip', value: podIP });
    const node = this.store.get('Node', undefined, pod.spec.nodeName);
    const hostIP = node?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '10.0.0.1';
    const view: PodView = {
      startTime: this.loop.now(),
      phase: 'Pending',
      state: { kind: 'waiting', reason: 'ContainerCreating' },
      ready: false,
      restartCount: 0,
      hostIP,
      podIP,
      transitions: {},
    };
    const entry: PodEntry = { view, token: 0, handles: [], backoffCount: 0, terminating: false };
    this.pods.set(pod.metadata.uid, entry);
    this.write(pod, entry);
    this.armDeadline(pod, entry);
    const startup = this.rule(pod)?.rule.startupTime ?? DEFAULT_STARTUP_MS;
    this.schedule(pod.metadata.uid, startup, `kubelet start ${keyOf(pod)}`, (p, e) => this.start(p, e));
  }

  /**
   * spec.activeDeadlineSeconds, counted from status.startTime (pkg/kubelet/active_deadline.go): past it
   * the kubelet stops the pod's containers and fails it with reason DeadlineExceeded.
   */
  private armDeadline(pod: Stored, entry: PodEntry): void {
    const secs = pod.spec?.activeDeadlineSeconds;
    if (secs === undefined || secs === null) return;
    const uid = pod.metadata.uid;
    entry.deadline = this.loop.at(entry.view.startTime + secs * 1000, `kubelet active-deadline ${keyOf(pod)}`, () => {
      entry.deadline = undefined;
      const p = this.store.getByUid(uid);
      if (!p || entry.terminating || isDone(entry.view) || this.pods.get(uid) !== entry) return;
      this.invalidate(entry);
      this.recorder.record(KUBELET, refOf(p), 'Normal', DEADLINE_REASON, DEADLINE_MESSAGE);
      this.killContainers(p, entry);
      entry.view.reason = DEADLINE_REASON;
      entry.view.message = DEADLINE_MESSAGE;
      this.write(p, entry);
    });
  }

  /** Stops the containers and puts the pod in phase Failed (a terminal pod is never restarted). */
  private killContainers(pod: Stored, entry: PodEntry): void {
    if (entry.view.state.kind === 'running') {
      for (const c of pod.spec?.containers ?? []) {
        this.recorder.record(KUBELET, refOf(pod), 'Normal', 'Killing', containerMessages(c).killing);
      }
    }
    this.failView(entry);
  }

  /** The containers have stopped (SIGTERM) and the pod is Failed. */
  private failView(entry: PodEntry): void {
    const now = this.loop.now();
    const startedAt = entry.view.state.kind === 'running' ? entry.view.state.startedAt : now;
    if (entry.view.state.kind !== 'terminated') entry.view.state = { kind: 'terminated', exitCode: SIGTERM_EXIT, startedAt, finishedAt: now };
    entry.view.ready = false;
    entry.view.phase = 'Failed';
  }

  /** How this run of the container ends: the rule's failTimes first, then the rule, the command, the defaults. */
  private plan(pod: Stored): RunPlan {
    const matched = this.rule(pod);
    const rule = matched?.rule;
    const cmd = commandBehaviour(pod.spec?.containers?.[0]);
    const runsToCompletion = pod.spec?.restartPolicy === 'Never' || pod.spec?.restartPolicy === 'OnFailure';
    const normalRun = rule?.runFor ?? cmd?.runFor ?? (cmd ? undefined : runsToCompletion ? DEFAULT_JOB_RUN_MS : undefined);
    if (matched && rule?.failTimes) {
      const used = this.failuresUsed.get(matched.index) ?? 0;
      if (used < rule.failTimes) {
        this.failuresUsed.set(matched.index, used + 1);
        return { runFor: normalRun ?? DEFAULT_STARTUP_MS, exitCode: rule.exitCode ? rule.exitCode : 1 };
      }
    }
    return { runFor: normalRun, exitCode: rule?.exitCode ?? cmd?.exitCode ?? 0 };
  }

  private readyDelay(pod: Stored): number {
    const fromRule = this.rule(pod)?.rule.readyAfter;
    if (fromRule !== undefined) return fromRule;
    const probe = pod.spec?.containers?.[0]?.readinessProbe;
    return probe ? (probe.initialDelaySeconds ?? 0) * 1000 : 0;
  }

  private start(pod: Stored, entry: PodEntry): void {
    const ref = refOf(pod);
    for (const c of pod.spec?.containers ?? []) {
      const m = containerMessages(c);
      if (c.imagePullPolicy === 'Always') {
        this.recorder.record(KUBELET, ref, 'Normal', 'Pulling', m.pulling);
        this.recorder.record(KUBELET, ref, 'Normal', 'Pulled', m.pulled);
      } else {
        this.recorder.record(KUBELET, ref, 'Normal', 'Pulled', m.present);
      }
      this.recorder.record(KUBELET, ref, 'Normal', 'Created', m.created);
      this.recorder.record(KUBELET, ref, 'Normal', 'Started', m.started);
    }
    const now = this.loop.now();
    const readyIn = this.readyDelay(pod);
    entry.view.phase = 'Running';
    entry.view.state = { kind: 'running', startedAt: now };
    entry.view.ready = readyIn === 0;
    this.write(pod, entry);
    const uid = pod.metadata.uid;
    if (readyIn > 0) {
      this.schedule(uid, readyIn, `kubelet ready ${keyOf(pod)}`, (p, e) => {
        if (e.view.state.kind !== 'running') return;
        e.view.ready = true;
        this.write(p, e);
      });
    }
    const plan = this.plan(pod);
    if (plan.runFor !== undefined) {
      this.schedule(uid, plan.runFor, `kubelet exit ${keyOf(pod)}`, () => this.exit(uid, plan.exitCode));
    }
  }

  /** The container exits with `code`; restartPolicy decides between a terminal phase and a restart. */
  private exit(uid: string, code: number): void {
    const entry = this.pods.get(uid);
    const pod = this.store.getByUid(uid);
    if (!entry || !pod || entry.view.state.kind !== 'running') return;
    this.invalidate(entry);
    const now = this.loop.now();
    const startedAt = entry.view.state.startedAt;
    const terminated = { exitCode: code, startedAt, finishedAt: now };
    entry.view.ready = false;
    const policy = pod.spec?.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    if (!restart) {
      entry.deadline?.cancel();
      entry.view.phase = code === 0 ? 'Succeeded' : 'Failed';
      entry.view.state = { kind: 'terminated', ...terminated };
      this.write(pod, entry);
      return;
    }
    if (now - startedAt >= BACKOFF_RESET_MS) entry.backoffCount = 0;
    const delay = backoffDelay(entry.backoffCount++);
    entry.view.lastTerminated = terminated;
    const names = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
    entry.view.state = {
      kind: 'waiting',
      reason: 'CrashLoopBackOff',
      message: `back-off ${Math.round(delay / 1000)}s restarting failed container=${names[0] ?? ''} pod=${pod.metadata.name}_${pod.metadata.namespace}(${uid})`,
    };
    this.write(pod, entry);
    for (const n of names) {
      this.recorder.record(KUBELET, refOf(pod), 'Warning', 'BackOff', `Back-off restarting failed container ${n} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${uid})`);
    }
    this.schedule(uid, delay, `kubelet restart ${keyOf(pod)}`, (p, e) => {
      e.view.restartCount++;
      this.start(p, e);
    });
  }

  /**
   * Graceful deletion: Killing now; after the stop time (never beyond the grace period) the pod reaches a
   * terminal phase — Failed unless it had already finished — and only then goes (kubelets since 1.27 set
   * the terminal phase before the final delete: pkg/kubelet/kubelet_pods.go getPhase with podIsTerminal),
   * so a Job's podFailurePolicy sees the failure.
   */
  private terminate(pod: Stored, entry: PodEntry): void {
    entry.terminating = true;
    this.invalidate(entry);
    entry.deadline?.cancel();
    if (entry.view.state.kind === 'running') {
      for (const c of pod.spec?.containers ?? []) {
        this.recorder.record(KUBELET, refOf(pod), 'Normal', 'Killing', containerMessages(c).killing);
      }
    }
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    const stop = Math.min(this.rule(pod)?.rule.stopTime ?? DEFAULT_STOP_MS, grace);
    const uid = pod.metadata.uid;
    const label = `kubelet remove ${keyOf(pod)}`;
    this.loop.after(stop, label, () => this.whenReachable(pod.spec?.nodeName, label, () => this.finishDeletion(uid, entry)));
  }

  /** The containers have stopped: the terminal phase is reported, then the pod goes. */
  private finishDeletion(uid: string, entry: PodEntry): void {
    const p = this.store.getByUid(uid);
    if (!p) return;
    if (!isDone(entry.view) && this.pods.get(uid) === entry) {
      this.failView(entry);
      this.write(p, entry);
    }
    const latest = this.store.getByUid(uid);
    if (latest) this.store.remove('Pod', latest.metadata.namespace, latest.metadata.name);
  }
}
