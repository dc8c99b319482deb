import { describeSchedule } from '../../course/index.js';
import type { CourseEvent, KubeLike } from '../../course/types.js';
import type { Tone } from '../text.js';
import {
  PHASE_STYLE,
  controllerOf,
  nodeNameOf,
  podClaims,
  podDisplayPhase,
  podReady,
  podRestarts,
  type PodDisplayPhase,
} from './pods.js';
import type { ObjectMap, Replay } from './replay.js';

/** The cluster picture at one instant of a timeline: what each pane of the cluster view shows. */
export interface ClusterFrame {
  index: number;
  count: number;
  /** Virtual time (ms) and time since the run started. */
  time: number;
  elapsed: number;
  step?: { index: number; description: string };
  nodes: NodeBox[];
  /** Pods not bound to any node yet (or bound to a node that is gone). */
  unscheduled: PodChip[];
  owners: OwnerRow[];
  events: CourseEvent[];
  /** What changed at this instant, one line per object, when no event says it. */
  changes: string[];
}

export interface NodeBox {
  name: string;
  ready: boolean;
  unschedulable: boolean;
  pods: PodChip[];
}

export interface PodChip {
  name: string;
  phase: PodDisplayPhase;
  letter: string;
  tone: Tone;
  ready: boolean;
  restarts: number;
  /** Claims the pod mounts, with their phase (e.g. `data-mongo-0 Bound`). */
  claims: { name: string; phase: string }[];
}

export interface OwnerRow {
  depth: number;
  kind: string;
  name: string;
  /** Status in words, e.g. `ready 3/3`. */
  detail: string;
}

const TOP_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'ReplicaSet'];

export function clusterFrame(replay: Replay, index: number): ClusterFrame {
  const count = replay.instants.length;
  const i = Math.max(0, Math.min(index, count - 1));
  if (count === 0) {
    return { index: 0, count: 0, time: replay.sim.start, elapsed: 0, nodes: [], unscheduled: [], owners: [], events: [], changes: [] };
  }
  const state = replay.stateAt(i);
  const time = replay.instants[i]!.time;
  const events = replay.eventsAt(i);
  return {
    index: i,
    count,
    time,
    elapsed: time - replay.sim.start,
    step: replay.stepAt(i),
    ...placePods(state),
    owners: ownerRows(state),
    events,
    changes: events.length ? [] : replay.changesAt(i).map(describeChange),
  };
}

function byKind(state: ObjectMap, kind: string): KubeLike[] {
  return [...state.values()].filter((o) => o.kind === kind).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

const nameOf = (o: KubeLike): string => o.metadata.name ?? '';

function placePods(state: ObjectMap): { nodes: NodeBox[]; unscheduled: PodChip[] } {
  const claims = new Map(byKind(state, 'PersistentVolumeClaim').map((c) => [nameOf(c), claimPhase(c)]));
  const nodes: NodeBox[] = byKind(state, 'Node').map((n) => ({
    name: nameOf(n),
    ready: nodeReady(n),
    unschedulable: Boolean((n.spec as { unschedulable?: boolean } | undefined)?.unschedulable),
    pods: [],
  }));
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const unscheduled: PodChip[] = [];
  for (const pod of byKind(state, 'Pod')) {
    const chip = podChip(pod, claims);
    const node = byName.get(nodeNameOf(pod) ?? '');
    (node ? node.pods : unscheduled).push(chip);
  }
  return { nodes, unscheduled };
}

function podChip(pod: KubeLike, claims: Map<string, string>): PodChip {
  const phase = podDisplayPhase(pod);
  return {
    name: nameOf(pod),
    phase,
    ...PHASE_STYLE[phase],
    ready: podReady(pod),
    restarts: podRestarts(pod),
    claims: podClaims(pod).map((name) => ({ name, phase: claims.get(name) ?? 'Missing' })),
  };
}

function claimPhase(pvc: KubeLike): string {
  if (pvc.metadata.deletionTimestamp) return 'Terminating';
  return (pvc.status as { phase?: string } | undefined)?.phase ?? 'Pending';
}

function nodeReady(node: KubeLike): boolean {
  const conditions = (node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions;
  const ready = conditions?.find((c) => c.type === 'Ready');
  return ready ? ready.status === 'True' : true;
}

/** Owners as a tree: each workload, the objects it controls (ReplicaSets, Jobs), then their pods. */
function ownerRows(state: ObjectMap): OwnerRow[] {
  const children = new Map<string, KubeLike[]>();
  for (const o of state.values()) {
    const owner = controllerOf(o);
    if (!owner) continue;
    const key = `${owner.kind}/${o.metadata.namespace ?? ''}/${owner.name}`;
    children.set(key, [...(children.get(key) ?? []), o]);
  }
  const rows: OwnerRow[] = [];
  const visit = (o: KubeLike, depth: number): void => {
    const kids = children.get(`${o.kind}/${o.metadata.namespace ?? ''}/${nameOf(o)}`) ?? [];
    const pods = kids.filter((k) => k.kind === 'Pod');
    rows.push({ depth, kind: o.kind, name: nameOf(o), detail: ownerDetail(o, pods) });
    for (const k of kids.filter((k) => k.kind !== 'Pod').sort(newestFirst)) visit(k, depth + 1);
  };
  for (const kind of TOP_KINDS) for (const o of byKind(state, kind)) if (!controllerOf(o)) visit(o, 0);
  return rows;
}

const newestFirst = (a: KubeLike, b: KubeLike): number =>
  String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')) ||
  nameOf(a).localeCompare(nameOf(b));

type Status = Record<string, unknown>;

function ownerDetail(o: KubeLike, pods: KubeLike[]): string {
  const s = (o.status ?? {}) as Status;
  const spec = (o.spec ?? {}) as Status;
  const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
  const podSummary = pods.length ? `  pods ${phaseCounts(pods)}` : '';
  switch (o.kind) {
    case 'Deployment':
      return `ready ${n(s.readyReplicas)}/${n(spec.replicas)}  up-to-date ${n(s.updatedReplicas)}  available ${n(s.availableReplicas)}`;
    case 'ReplicaSet': {
      const rev = (o.metadata as { annotations?: Record<string, string> }).annotations?.['deployment.kubernetes.io/revision'];
      return `${rev ? `rev ${rev}  ` : ''}ready ${n(s.readyReplicas)}/${n(spec.replicas)}${podSummary}`;
    }
    case 'StatefulSet':
      return `ready ${n(s.readyReplicas)}/${n(spec.replicas)}${podSummary}`;
    case 'DaemonSet':
      return `desired ${n(s.desiredNumberScheduled)}  ready ${n(s.numberReady)}${podSummary}`;
    case 'Job':
      return `${jobCondition(s)}succeeded ${n(s.succeeded)}  active ${n(s.active)}  failed ${n(s.failed)}${podSummary}`;
    case 'CronJob': {
      const active = Array.isArray(s.active) ? s.active.length : 0;
      const schedule = typeof spec.schedule === 'string' ? `${spec.schedule} (${describeSchedule(spec.schedule, timeZoneOf(spec))})` : '?';
      return `${spec.suspend ? 'suspended  ' : ''}schedule ${schedule}  active ${active}`;
    }
    default:
      return podSummary.trim();
  }
}

function timeZoneOf(spec: Record<string, unknown>): string | undefined {
  return typeof spec.timeZone === 'string' ? spec.timeZone : undefined;
}

function jobCondition(s: Status): string {
  const conditions = (s.conditions ?? []) as { type: string; status: string }[];
  const done = conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return done ? `${done.type}  ` : '';
}

/** E.g. `R2 C1` — running two, creating one; letters as on the chips. */
function phaseCounts(pods: KubeLike[]): string {
  const counts = new Map<string, number>();
  for (const p of pods) {
    const letter = PHASE_STYLE[podDisplayPhase(p)].letter;
    counts.set(letter, (counts.get(letter) ?? 0) + 1);
  }
  return [...counts].map(([l, c]) => `${l}${c}`).join(' ');
}

function describeChange(e: { type: string; object: KubeLike }): string {
  const o = e.object;
  const what = `${o.kind} ${nameOf(o)}`;
  if (e.type === 'ADDED') return `${what} created`;
  if (e.type === 'DELETED') return `${what} deleted`;
  if (o.kind === 'Pod') return `${what} is ${podDisplayPhase(o)}${podReady(o) ? ', ready' : ''}`;
  return `${what} updated`;
}
