// Fast-forward over a periodic steady state. While time is advanced, the loop stops at each *cycle
// boundary* (no work left, only schedule timers pending). When the last three cycles (or groups of p
// cycles) repeat each other except for what moves with the cycle — times, resourceVersions, uids,
// generated names, pod IPs — a template of the cycle and of the cluster at its end is learned from two
// of them and checked against the third. The following cycles' timeline entries and events are then
// generated from the template, with tokens drawn from the same generators in the same order, and the
// counters (clock, resourceVersion, tasks, schedule timers) are moved on.
//
// The objects that outlive a cycle and keep their identity (the CronJob) are put in the version the
// template gives. The finished Jobs and Pods kept as history are not: a few cycles are then run for
// real, which deletes that old history as a full run would delete the history of its own. They must
// do what the learned cycle did, their output is replaced by the template's, and the cluster at the
// end must equal the template's exactly — or the fast-forward throws FastForwardDiverged and the
// caller runs everything step by step.
//
// A jump never crosses what would make the next cycle different: a schedule firing elsewhere
// (schedules.ts), a timer that does not move with the cycle, a number in a name gaining a digit, a
// name already taken, the task cap, or the end of the wait.
import type { CronJob, Stored } from '../api/types.js';
import type { Store } from '../store.js';
import type { Loop } from '../loop.js';
import type { Kubelet } from '../kubelet/index.js';
import type { ControllerManager } from '../controller.js';
import type { EventRecorder } from '../events.js';
import type { Timeline } from '../timeline.js';
import { TokenContext, MAX_TOKEN_AGE, type Token, type TokenSink } from './tokens.js';
import { learn, instantiate, digitWidthsHold, oldestTokenAge, fieldOf, type Template } from './template.js';
import { cyclesWithSameFirings } from './schedules.js';
import { sameInOrder } from '../api/equal.js';
import { FastForwardDiverged } from './diverged.js';
import { splitTrace, generate, type Trace, type TraceTemplate } from './trace.js';

export { FastForwardDiverged };

export interface FastForwardParts {
  loop: Loop;
  store: Store;
  kubelet: Kubelet;
  manager: ControllerManager;
  recorder: EventRecorder;
  timeline: Timeline;
}

/** Longest repeating group of cycles looked for (e.g. CronJobs every minute and every 5 minutes: 5). */
const MAX_PERIOD = 12;
/** Fewer cycles than this are not worth learning and jumping. */
const MIN_JUMP = 8;
/** Boundaries kept for learning. */
const KEEP_BOUNDARIES = MAX_PERIOD * (MAX_TOKEN_AGE + 4);

/** The cluster at a cycle boundary, and where the run's records stood then. */
interface Boundary {
  time: number;
  tl: number;
  ev: number;
  tokens: number;
  rv: number;
  tasks: number;
  failures: string;
  timers: { time: number; label: string }[];
  items: Stored[];
}

/** What a boundary looks like to a template: everything but the positions in this run's logs. */
function stateOf(b: Boundary): unknown {
  return { time: b.time, tl: b.tl, ev: b.ev, rv: b.rv, tasks: b.tasks, failures: b.failures, timers: b.timers, items: b.items };
}

/** A learned cycle (p boundaries long) and the cluster at its end. */
interface Learned {
  /** Cycles in each learned group (p). */
  cyclesPerGroup: number;
  trace: TraceTemplate;
  state: Template;
  /** Token kinds of one cycle, in order. */
  kinds: Token['kind'][];
  /** Tokens of the cycles so far, oldest first (generated cycles are added as they are made). */
  groups: string[][];
  /** The learned cycle's place in `groups`; cycle k after it is at base + k. */
  base: number;
  /** Per cycle: virtual time, resourceVersions, tasks. */
  step: { time: number; rv: number; tasks: number };
  last: Boundary;
  /** The last cycle the schedules, the task cap and the end of the wait allow (k = 1: `last`'s). */
  reach: number;
  /** What the learned cycle did (see shape()). */
  shape: { tl: string; ev: string };
}

interface Candidate {
  p: number;
  /** The boundaries around the last three groups of p cycles. */
  b: [Boundary, Boundary, Boundary, Boundary];
  reach: number;
}

export class FastForward implements TokenSink {
  private log: Token[] = [];
  private bounds: Boundary[] = [];
  /** Boundaries met since the last restart, and the count at which to try learning next. */
  private met = 0;
  private nextAttempt = 0;
  private failedAttempts = 0;
  /** Cycles generated from a template rather than run. */
  generated = 0;

  constructor(private readonly parts: FastForwardParts) {
    parts.store.tokens = this;
    parts.kubelet.tokens = this;
  }

  made(token: Token): void {
    // Tokens made before the first boundary belong to no cycle: a run without schedules keeps none.
    if (this.bounds.length > 0) this.log.push(token);
  }

  /** Advances the clock to `end` as Loop.runUntil does, generating the cycles of any steady state. */
  run(end: number): void {
    const loop = this.parts.loop;
    this.restart();
    while (loop.runToBoundary(end)) {
      this.bounds.push(this.capture());
      if (this.bounds.length > KEEP_BOUNDARIES) this.bounds.shift();
      if (++this.met >= this.nextAttempt && this.tryJump(end)) {
        // At the boundary after the jump; its timer may be due after `end`.
        this.restart();
        continue;
      }
      loop.runNext();
    }
    loop.runUntil(end);
  }

  private restart(): void {
    this.log = [];
    this.bounds = [];
    this.met = 0;
    this.nextAttempt = 0;
    this.failedAttempts = 0;
  }

  private capture(): Boundary {
    const { loop, store, kubelet, recorder, timeline } = this.parts;
    return {
      time: loop.now(),
      tl: timeline.entries.length,
      ev: recorder.events.length,
      tokens: this.log.length,
      rv: store.resourceVersion,
      tasks: loop.executed,
      failures: kubelet.failuresSoFar(),
      timers: loop.pendingTimers(),
      items: store.inCreationOrder(),
    };
  }

  private tryJump(end: number): boolean {
    for (let p = 1; p <= MAX_PERIOD && this.bounds.length >= 3 * p + 1; p++) {
      const candidate = this.candidate(p, end);
      const learned = candidate && this.learn(candidate);
      if (learned && this.jump(learned)) return true;
    }
    // Back off: a run that is not periodic yet is looked at again after 1, 2, 4 … 64 more cycles.
    this.nextAttempt = this.met + Math.min(64, 2 ** this.failedAttempts++);
    return false;
  }

  /**
   * The last three groups of p cycles, if the cheap tests pass: as long, as many tasks, entries and
   * events each, and room before `end` (and the task cap, and the schedules) for a jump worth making.
   */
  private candidate(p: number, end: number): Candidate | undefined {
    const n = this.bounds.length - 1;
    const b = [n - 3 * p, n - 2 * p, n - p, n].map((i) => this.bounds[i]!) as Candidate['b'];
    for (const key of ['time', 'tasks', 'tl', 'ev'] as const) {
      if (b[1][key] - b[0][key] !== b[2][key] - b[1][key] || b[2][key] - b[1][key] !== b[3][key] - b[2][key]) return undefined;
    }
    // Pod rules' failTimes still being used up: the kubelet's count would not move with a jump.
    if (b[1].failures !== b[3].failures) return undefined;
    const reach = this.reach(b[3], b[3].time - b[2].time, b[3].tasks - b[2].tasks, end);
    return reach - 2 >= MIN_JUMP ? { p, b, reach } : undefined;
  }

  /**
   * The last cycle (k = 1 is the one just run, each `period` long) that can end by `end`, within the
   * task cap, with every CronJob firing as in the learned cycle.
   */
  private reach(last: Boundary, period: number, tasks: number, end: number): number {
    const { loop, store } = this.parts;
    // Cycle k ends at last.time + (k - 1) × period.
    let k = Math.floor((end - last.time) / period) + 1;
    k = Math.min(k, 1 + Math.floor((loop.taskLimit - last.tasks - 1) / Math.max(1, tasks)));
    const cronJobs = store.list<CronJob>('CronJob') as Stored<CronJob>[];
    return 1 + cyclesWithSameFirings(cronJobs, { start: last.time, period }, Math.max(0, k - 1));
  }

  /** Token lists of groups of p cycles, ending at the latest boundary, as far back as kept. */
  private groupsOf(p: number): Token[][] {
    const b = this.bounds;
    const groups: Token[][] = [];
    for (let end = b.length - 1; end - p >= 0 && groups.length <= MAX_TOKEN_AGE + 3; end -= p) {
      groups.unshift(this.log.slice(b[end - p]!.tokens, b[end]!.tokens));
    }
    return groups;
  }

  private traceBetween(from: Boundary, to: Boundary): Trace {
    return {
      tl: this.parts.timeline.entries.slice(from.tl, to.tl),
      ev: this.parts.recorder.events.slice(from.ev, to.ev),
    };
  }

  /** Learns the last group of p cycles from the two before it, or undefined if they do not repeat. */
  private learn({ p, b, reach }: Candidate): Learned | undefined {
    const [b0, b1, b2, b3] = b;
    const groups = this.groupsOf(p);
    const g = groups.length;
    const [x, y, z] = [groups[g - 3]!, groups[g - 2]!, groups[g - 1]!];
    if (!sameKinds(x, y) || !sameKinds(y, z) || !namesStayApart([...x, ...y, ...z])) return undefined;
    const values = groups.map((list) => list.map((t) => t.value));
    const ctx = (i: number): TokenContext => new TokenContext(values, i);
    const learned = learn(this.traceBetween(b0, b1), this.traceBetween(b1, b2), ctx(g - 3), ctx(g - 2));
    const trace = learned && splitTrace(learned);
    if (!trace || !sameJson(generate(trace, 1, ctx(g - 1)), this.traceBetween(b2, b3))) return undefined;
    const state = learn(stateOf(b1), stateOf(b2), ctx(g - 3), ctx(g - 2));
    if (!state || !sameInOrder(instantiate(state, 1, ctx(g - 1)), stateOf(b3))) return undefined;
    return {
      cyclesPerGroup: p,
      trace,
      state,
      kinds: y.map((t) => t.kind),
      groups: values,
      base: g - 2,
      step: { time: b3.time - b2.time, rv: b3.rv - b2.rv, tasks: b3.tasks - b2.tasks },
      last: b3,
      reach,
      shape: shape(this.traceBetween(b2, b3)),
    };
  }

  /** How many cycles after the last learned one may be generated, leaving `settle` to confirm them. */
  private span(l: Learned, settle: number): number {
    let k = Math.min(l.reach, this.beforeFixedTimers(l));
    while (k > 1 && !widthsHold(l, k)) k = widthLimit(l, k);
    return k - 1 - settle;
  }

  /**
   * The last cycle that ends before a timer that does not move with the cycle (a CronJob firing at
   * other times, the leftover timer of a deleted one) is due: that timer must run as a full run runs it.
   */
  private beforeFixedTimers(l: Learned): number {
    const now = timersAt(l, 1);
    const next = timersAt(l, 2);
    let k = Infinity;
    for (const t of now) {
      if (!next.some((n) => n.label === t.label && n.time === t.time)) continue;
      k = Math.min(k, Math.floor((t.time - l.last.time - 1) / l.step.time) + 1);
    }
    return k;
  }

  private jump(l: Learned): boolean {
    // Cycles run for real after the jump, until no history made before it is left.
    const settle = oldestTokenAge(l.state) + 1;
    const count = this.span(l, settle);
    if (count < MIN_JUMP) return false;
    const { loop, store, manager } = this.parts;
    const { groups, base } = l;
    for (let k = 2; k <= count + 1; k++) {
      groups.push(this.makeTokens(l.kinds));
      const tokens = new TokenContext(groups, base + k);
      this.refuseTakenNames(l.trace, k, tokens);
      this.append(generate(l.trace, k, tokens));
    }
    store.skipVersions(count * l.step.rv);
    loop.skipTo(l.last.time + count * l.step.time, count * l.step.tasks);
    const due = new Map(timersAt(l, count + 1).map((t) => [t.label, t.time]));
    manager.moveRequeues((label, at) => due.get(label) ?? at);
    this.replaceLasting(instantiate(l.state, count + 1, new TokenContext(groups, base + count + 1)) as { items: Stored[] });
    this.confirm(l, count, settle);
    this.generated += count * l.cyclesPerGroup;
    return true;
  }

  /**
   * A generated cycle creates objects under names the store may already hold (a Job named like a
   * future run, a pod name the generator draws again): the API server would refuse or redraw, which
   * the template does not know, so the run is redone step by step.
   */
  private refuseTakenNames(t: TraceTemplate, k: number, tokens: TokenContext): void {
    for (const c of t.creates) {
      const name = instantiate(c.name, k, tokens) as string;
      const namespace = instantiate(c.namespace, k, tokens) as string | undefined;
      if (this.parts.store.get(c.kind, namespace, name)) throw new FastForwardDiverged(`${c.kind} ${name} already exists`);
    }
  }

  /** Tokens for one generated cycle, from the same generators in the same order as a run makes them. */
  private makeTokens(kinds: readonly Token['kind'][]): string[] {
    const { store, kubelet } = this.parts;
    return kinds.map((kind) => (kind === 'ip' ? kubelet.nextPodIP() : store.makeToken(kind)));
  }

  private append(trace: Trace): void {
    this.parts.timeline.entries.push(...trace.tl);
    this.parts.recorder.append(trace.ev);
  }

  /** Objects that keep their uid across cycles take the version the template gives. */
  private replaceLasting(predicted: { items: Stored[] }): void {
    const { store } = this.parts;
    for (const obj of predicted.items) {
      const live = store.getByUid(obj.metadata.uid);
      if (live && !sameInOrder(live, obj) && !store.replaceVersion(obj)) throw new FastForwardDiverged(`${obj.kind}/${obj.metadata.name} would move in the store's indexes`);
    }
  }

  /**
   * Runs `settle` cycles for real, puts the template's output in place of theirs (their events name
   * the old history they cleaned up), and checks the cluster against the template.
   */
  private confirm(l: Learned, count: number, settle: number): void {
    const { loop, timeline, recorder } = this.parts;
    const from = { tl: timeline.entries.length, ev: recorder.events.length, tokens: this.log.length };
    for (let i = 0; i < settle * l.cyclesPerGroup; i++) {
      loop.runNext();
      if (!loop.runToBoundary(Infinity)) throw new FastForwardDiverged('the cycles after a fast-forward did not come back to a boundary');
    }
    const made = this.log.slice(from.tokens);
    const per = l.kinds.length;
    if (made.length !== settle * per || made.some((t, i) => t.kind !== l.kinds[i % per])) {
      throw new FastForwardDiverged('the cycles after a fast-forward made other tokens than the learned one');
    }
    // Their objects' names and uids differ from the template's (the old history), not what they did.
    const live = shape({ tl: timeline.entries.slice(from.tl), ev: recorder.events.slice(from.ev) });
    if (live.tl !== l.shape.tl.repeat(settle) || live.ev !== l.shape.ev.repeat(settle)) throw new FastForwardDiverged('the cycles after a fast-forward did other things than the learned one');
    timeline.entries.length = from.tl;
    recorder.events.length = from.ev;
    const { groups, base } = l;
    for (let i = 0; i < settle; i++) {
      groups.push(made.slice(i * per, (i + 1) * per).map((t) => t.value));
      this.append(generate(l.trace, count + 2 + i, new TokenContext(groups, base + count + 2 + i)));
    }
    const expected = instantiate(l.state, count + settle + 1, new TokenContext(groups, base + count + settle + 1));
    if (!sameInOrder(expected, stateOf(this.capture()))) throw new FastForwardDiverged('the cluster after a fast-forward is not the one the learned cycle foretold');
  }
}

/** The largest k' < k at which the moving digit runs still keep their widths (they are monotone). */
function widthLimit(l: Learned, k: number): number {
  let lo = 1;
  let hi = k - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (widthsHold(l, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function widthsHold(l: Learned, k: number): boolean {
  return digitWidthsHold(l.state, k) && l.trace.parts.every((t) => digitWidthsHold(t, k));
}

function sameKinds(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((t, i) => t.kind === b[i]!.kind);
}

/**
 * Generated names must each have a prefix of their own: then no generated name can meet an existing
 * one (which would make the API server draw again), and none sorts against another by its random part.
 */
function namesStayApart(tokens: readonly Token[]): boolean {
  const prefixes = tokens.filter((t) => t.kind === 'name').map((t) => t.prefix);
  return new Set(prefixes).size === prefixes.length;
}

/** What a cycle did, without names: each write's type and kind, each event's type, reason and kind. */
function shape(t: Trace): { tl: string; ev: string } {
  let tl = '';
  let ev = '';
  for (const e of t.tl) tl += `${e.type} ${e.object.kind}\n`;
  for (const e of t.ev) ev += `${e.type} ${e.reason} ${e.involvedObject.kind}\n`;
  return { tl, ev };
}

/** The schedule timers at the end of cycle k (k = 1: the last one run). */
function timersAt(l: Learned, k: number): { time: number; label: string }[] {
  const timers = fieldOf(l.state, 'timers');
  return timers ? (instantiate(timers, k, new TokenContext(l.groups, l.base + k)) as { time: number; label: string }[]) : [];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
