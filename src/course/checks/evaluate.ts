/**
 * Evaluates declarative checks over a simulation: the final state, every instant of the timeline
 * (`when: always|ever`, bounded by `during`), the event list and the order in which objects reached
 * states. Each outcome says what was expected and what was observed in plain words, with the objects
 * and events that explain it.
 */
import type { Check, CheckOutcome, CourseEvent, Expectation, KubeLike, ObjectState, ObjectTable, OrderStep, SimulationRecord } from '../types.js';
import { describeCheck, describeCount, describeNone, describeSelection } from './describe.js';
import { condition, conditionsHold, fieldValue, compare, formatValue, showValues } from './fields.js';
import { byName, candidates, labelsMatch, matches, select } from './select.js';
import { duration, objectTable } from './tables.js';
import { ClusterView, forEachInstant, groupByTime, windowFor, type Window } from './view.js';

const MAX_ROWS = 15;
const MAX_EVENTS = 8;

interface Observation {
  ok: boolean;
  observed: string;
  /** Objects to show in the outcome's table. */
  shown: KubeLike[];
  /** Count checks: how many matched (to report the range seen over time). */
  count?: number;
  /** Fields under `always`: nothing was selected at this instant (vacuously true). */
  empty?: boolean;
}

interface Context {
  sim: SimulationRecord;
  groups: ReturnType<typeof groupByTime>;
  final: ClusterView;
  end: number;
}

export function evaluateChecks(checks: readonly Check[], sim: SimulationRecord): CheckOutcome[] {
  const groups = groupByTime(sim.timeline);
  const final = new ClusterView();
  for (const e of sim.timeline) final.apply(e);
  const end = Date.parse(sim.clock);
  const ctx: Context = { sim, groups, final, end: Number.isFinite(end) ? end : (groups.at(-1)?.[0]?.time ?? sim.start) };
  return checks.map((check) => evaluateCheck(check, ctx));
}

function evaluateCheck(check: Check, ctx: Context): CheckOutcome {
  const base = { title: check.title, expected: describeCheck(check), source: check.source };
  const e = check.expect;
  if (e.type === 'event') return { ...base, ...evaluateEvent(e, check, ctx) };
  if (e.type === 'order') return { ...base, ...evaluateOrder(e.steps, ctx) };
  const window = stepWindow(check, ctx);
  if (typeof window === 'string') return { ...base, passed: false, observed: window, tables: [], events: [] };
  const observe = (view: ClusterView) => observeState(check, e, view);
  if (check.when === 'end') {
    const obs = observe(ctx.final);
    return { ...base, passed: obs.ok, observed: obs.observed + ' at the end', at: ctx.end, ...explain(check, obs.shown, ctx.end, ctx) };
  }
  return check.when === 'always' ? always(check, base, observe, window, ctx) : ever(check, base, observe, window, ctx);
}

// ----------------------------------------------------------------------------------------------------
// State expectations: count, fields, names, perNode

function observeState(check: Check, e: Expectation, view: ClusterView): Observation {
  const sel = check.select!;
  const picked = select(sel, view);
  switch (e.type) {
    case 'count': {
      const ok = (e.range.min === undefined || picked.length >= e.range.min) && (e.range.max === undefined || picked.length <= e.range.max);
      const all = candidates(sel, view);
      const others = all.filter((o) => !picked.includes(o));
      const why = sel.where && others.length ? `; not counted: ${others.slice(0, 4).map((o) => `${o.metadata.name} (${showValues(o, Object.keys(sel.where!))})`).join(', ')}${others.length > 4 ? ', …' : ''}` : '';
      return { ok, observed: `${picked.length} matched${picked.length ? ` (${names(picked)})` : ''}${why}`, shown: all, count: picked.length };
    }
    case 'fields': {
      if (picked.length === 0) return { ok: false, empty: true, observed: describeNone(sel), shown: candidates(sel, view) };
      const failing: string[] = [];
      for (const o of picked) {
        const bad = Object.entries(e.fields).filter(([k, c]) => !compare(c, fieldValue(o, k), k));
        if (bad.length) failing.push(`${o.metadata.name}: ${bad.map(([k]) => `${k}=${formatValue(fieldValue(o, k))}`).join(', ')}`);
      }
      const ok = failing.length === 0;
      const observed = ok ? `${picked.length === 1 ? picked[0]!.metadata.name : `all ${picked.length}`} ${Object.keys(e.fields).map((k) => `${k}=${formatValue(fieldValue(picked[0]!, k))}`).join(', ')}` : failing.slice(0, 4).join('; ') + (failing.length > 4 ? '; …' : '');
      return { ok, observed, shown: picked };
    }
    case 'names': {
      const found = picked.map((o) => o.metadata.name ?? '');
      const missing = e.names.filter((n) => !found.includes(n));
      const extra = found.filter((n) => !e.names.includes(n));
      const ok = missing.length === 0 && extra.length === 0;
      const parts = [found.length ? `found ${found.join(', ')}` : 'found none'];
      if (missing.length) parts.push(`missing ${missing.join(', ')}`);
      if (extra.length) parts.push(`unexpected ${extra.join(', ')}`);
      return { ok, observed: parts.join('; '), shown: candidates(sel, view) };
    }
    case 'perNode':
      return observePerNode(e, picked, view);
    default:
      throw new Error(`not a state expectation: ${e.type}`);
  }
}

function observePerNode(e: Extract<Expectation, { type: 'perNode' }>, pods: KubeLike[], view: ClusterView): Observation {
  const nodes = view.list('Node').filter((n) => (!e.nodes?.selector || labelsMatch(n.metadata.labels, e.nodes.selector)) && (!e.nodes?.names || e.nodes.names.includes(n.metadata.name ?? '')));
  const target = new Set(nodes.map((n) => n.metadata.name ?? ''));
  const missingNodes = (e.nodes?.names ?? []).filter((n) => !target.has(n));
  const perNode = new Map<string, number>([...target].sort().map((n) => [n, 0]));
  let elsewhere = 0;
  for (const p of pods) {
    const node = fieldValue(p, 'node');
    if (typeof node !== 'string') continue;
    if (perNode.has(node)) perNode.set(node, perNode.get(node)! + 1);
    else elsewhere++;
  }
  const ok = missingNodes.length === 0 && [...perNode.values()].every((c) => c === e.count) && (e.elsewhere === undefined || elsewhere <= e.elsewhere) && perNode.size > 0;
  const parts = [...perNode].map(([n, c]) => `${n}: ${c}`);
  if (perNode.size === 0) parts.push('no such nodes');
  if (missingNodes.length) parts.push(`${missingNodes.join(', ')} ${missingNodes.length === 1 ? 'does' : 'do'} not exist`);
  if (e.elsewhere !== undefined) parts.push(`other nodes: ${elsewhere}`);
  const unscheduled = pods.filter((p) => typeof fieldValue(p, 'node') !== 'string').length;
  if (unscheduled) parts.push(`not scheduled: ${unscheduled}`);
  return { ok, observed: parts.join(', '), shown: pods };
}

type Base = Pick<CheckOutcome, 'title' | 'expected' | 'source'>;

function stepWindow(check: Check, ctx: Context): Window | string {
  return windowFor(check.when === 'end' ? undefined : check.during, ctx.sim, ctx.groups);
}

function always(check: Check, base: Base, observe: (v: ClusterView) => Observation, window: Window, ctx: Context): CheckOutcome {
  let failure: { time: number; obs: Observation } | undefined;
  let instants = 0;
  let everSelected = false;
  let min = Infinity;
  let max = -Infinity;
  forEachInstant(ctx.groups, window, (time, view) => {
    const obs = observe(view);
    instants++;
    if (obs.count !== undefined) [min, max] = [Math.min(min, obs.count), Math.max(max, obs.count)];
    if (obs.empty) return true; // `fields` over nothing holds vacuously at this instant
    everSelected = true;
    if (!obs.ok) failure = { time, obs };
    return obs.ok;
  });
  if (failure) {
    return { ...base, passed: false, observed: `${when(failure.time, ctx)}: ${failure.obs.observed}`, at: failure.time, ...explain(check, failure.obs.shown, failure.time, ctx) };
  }
  if (check.expect.type === 'fields' && !everSelected) {
    return { ...base, passed: false, observed: `${describeNone(check.select!)} at any moment`, at: ctx.end, ...explain(check, [], ctx.end, ctx) };
  }
  const range = min <= max ? ` (between ${min} and ${max} matched)` : '';
  return { ...base, passed: true, observed: `held at each of the ${instants} moments checked${range}`, at: ctx.end, ...explain(check, select(check.select!, ctx.final), ctx.end, ctx) };
}

function ever(check: Check, base: Base, observe: (v: ClusterView) => Observation, window: Window, ctx: Context): CheckOutcome {
  let success: { time: number; obs: Observation } | undefined;
  let last: { time: number; obs: Observation } | undefined;
  let min = Infinity;
  let max = -Infinity;
  forEachInstant(ctx.groups, window, (time, view) => {
    const obs = observe(view);
    if (obs.count !== undefined) [min, max] = [Math.min(min, obs.count), Math.max(max, obs.count)];
    last = { time, obs };
    if (obs.ok) success = { time, obs };
    return !obs.ok;
  });
  if (success) return { ...base, passed: true, observed: `${when(success.time, ctx)}: ${success.obs.observed}`, at: success.time, ...explain(check, success.obs.shown, success.time, ctx) };
  const range = min <= max ? `; between ${min} and ${max} matched over the run` : '';
  const at = last?.time ?? ctx.end;
  return { ...base, passed: false, observed: `never; last seen ${when(at, ctx)}: ${last?.obs.observed ?? 'nothing'}${range}`, at, ...explain(check, last?.obs.shown ?? [], at, ctx) };
}

// ----------------------------------------------------------------------------------------------------
// Events and order

function eventMatches(ev: CourseEvent, e: Extract<Expectation, { type: 'event' }>): boolean {
  if (ev.reason !== e.reason) return false;
  const o = e.object;
  if (o && (ev.involvedObject.kind !== o.kind || (o.name !== undefined && ev.involvedObject.name !== o.name) || (o.namePrefix !== undefined && !ev.involvedObject.name.startsWith(o.namePrefix)))) return false;
  return e.messageContains === undefined || ev.message.includes(e.messageContains);
}

function evaluateEvent(e: Extract<Expectation, { type: 'event' }>, check: Check, ctx: Context): Omit<CheckOutcome, keyof Base> {
  const window = stepWindow({ ...check, when: 'always' }, ctx);
  if (typeof window === 'string') return { passed: false, observed: window, tables: [], events: [] };
  const found = ctx.sim.events.filter((ev) => ev.time >= window.from && ev.time < window.to && eventMatches(ev, e));
  const ok = (e.count.min === undefined || found.length >= e.count.min) && (e.count.max === undefined || found.length <= e.count.max);
  const observed = found.length === 0 ? `no ${e.reason} event` : `${found.length} ${e.reason} event${found.length === 1 ? '' : 's'}, first ${when(found[0]!.time, ctx)}`;
  // Without matching events, the learner needs context: the last warnings, or the last events.
  const context = found.length ? found : lastEvents(ctx.sim.events.filter((ev) => ev.type === 'Warning'), MAX_EVENTS);
  return { passed: ok, observed: `${observed} (wanted ${describeCount(e.count)})`, at: found[0]?.time ?? ctx.end, tables: [], events: context.slice(0, MAX_EVENTS) };
}

function reached(state: OrderStep['state'], obj: KubeLike, type: string): boolean {
  if (typeof state !== 'string') return type !== 'DELETED' && conditionsHold(obj, state.where);
  const s: ObjectState = state;
  if (s === 'Deleted') return type === 'DELETED';
  if (type === 'DELETED') return false;
  switch (s) {
    case 'Created':
      return true;
    case 'Scheduled':
      return typeof fieldValue(obj, 'node') === 'string';
    case 'Running':
    case 'Succeeded':
    case 'Failed':
      return fieldValue(obj, 'phase') === s || (s === 'Failed' && condition(obj, 'Failed') === 'True');
    case 'Ready':
      return condition(obj, 'Ready') === 'True';
    case 'Complete':
      return condition(obj, 'Complete') === 'True';
  }
}

function evaluateOrder(steps: OrderStep[], ctx: Context): Omit<CheckOutcome, keyof Base> {
  const view = new ClusterView();
  const firsts: ({ index: number; time: number; name: string } | undefined)[] = steps.map(() => undefined);
  ctx.sim.timeline.forEach((entry, index) => {
    if (entry.type !== 'DELETED') view.apply(entry);
    steps.forEach((step, i) => {
      if (firsts[i] || entry.object.kind !== step.select.kind) return;
      if (matches(step.select, entry.object, view) && reached(step.state, entry.object, entry.type)) {
        firsts[i] = { index, time: entry.time, name: entry.object.metadata.name ?? '' };
      }
    });
    if (entry.type === 'DELETED') view.apply(entry);
  });
  const label = (i: number) => `${describeSelection(steps[i]!.select)} ${stateText(steps[i]!.state)}`;
  const involved = new Set(firsts.filter((f) => f).map((f) => f!.name));
  const events = lastEvents(ctx.sim.events.filter((ev) => involved.has(ev.involvedObject.name) || [...involved].some((n) => ev.message.includes(n))), MAX_EVENTS * 2);
  const missing = firsts.findIndex((f) => !f);
  if (missing >= 0) return { passed: false, observed: `${label(missing)}: never happened`, at: ctx.end, tables: [], events };
  for (let i = 1; i < steps.length; i++) {
    const a = firsts[i - 1]!;
    const b = firsts[i]!;
    if (b.index <= a.index) {
      return { passed: false, observed: `${b.name} was ${stateText(steps[i]!.state)} ${when(b.time, ctx)}, before ${a.name} was ${stateText(steps[i - 1]!.state)} (${when(a.time, ctx)})`, at: b.time, tables: [], events };
    }
  }
  return { passed: true, observed: firsts.map((f, i) => `${f!.name} ${stateText(steps[i]!.state)} ${when(f!.time, ctx)}`).join(', then '), at: firsts.at(-1)!.time, tables: [], events };
}

function stateText(state: OrderStep['state']): string {
  return typeof state === 'string' ? state : `matched ${Object.keys(state.where).join(', ')}`;
}

// ----------------------------------------------------------------------------------------------------
// Explanations

/** "+1m30s (during step 3: delete Pod web-1)". */
function when(time: number, ctx: Context): string {
  const rel = `+${duration(Math.max(0, time - ctx.sim.start))}`;
  let step: { index: number; description: string } | undefined;
  ctx.sim.steps.forEach((s, i) => {
    if (s.time <= time) step = { index: i + 1, description: s.description };
  });
  return step ? `at ${rel} (during step ${step.index}: ${step.description})` : `at ${rel}`;
}

function explain(check: Check, shown: KubeLike[], at: number, ctx: Context): { tables: ObjectTable[]; events: CourseEvent[] } {
  const objects = [...shown].sort(byName).slice(0, MAX_ROWS);
  const tables = objects.length ? [objectTable(check.select!.kind, objects, at)] : [];
  // Events about the shown objects and their owners up the chain (Pod → ReplicaSet → Deployment).
  const related = new Set<string>();
  for (const o of objects) {
    related.add(`${o.kind}/${o.metadata.name}`);
    let refs = o.metadata.ownerReferences ?? [];
    for (let depth = 0; refs.length && depth < 4; depth++) {
      for (const r of refs) related.add(`${r.kind}/${r.name}`);
      refs = ctx.final.owner(refs[0]!.uid)?.metadata.ownerReferences ?? [];
    }
  }
  if (check.select?.ownedBy) related.add(`${check.select.ownedBy.kind}/${check.select.ownedBy.name}`);
  if (check.select?.name) related.add(`${check.select.kind}/${check.select.name}`);
  const events = ctx.sim.events.filter((ev) => ev.time <= at && related.has(`${ev.involvedObject.kind}/${ev.involvedObject.name}`));
  const warnings = events.length ? [] : ctx.sim.events.filter((ev) => ev.time <= at && ev.type === 'Warning');
  return { tables, events: lastEvents(events.length ? events : warnings, MAX_EVENTS) };
}

// The kubelet's and scheduler's routine events (Pulled, Created, Started, Scheduled) rarely explain an
// outcome; controllers' events and warnings do, so they are kept first when there are too many.
const ROUTINE = new Set(['Pulled', 'Created', 'Started', 'Scheduled', 'Pulling']);

/** The last `n` events, repeats folded into one, explanatory ones preferred over routine ones. */
function lastEvents(all: CourseEvent[], n: number): CourseEvent[] {
  const events = foldRepeats(all);
  if (events.length <= n) return events;
  const important = events.filter((e) => e.type === 'Warning' || !ROUTINE.has(e.reason));
  const keep = new Set(important.slice(Math.max(0, important.length - n)));
  for (let i = events.length - 1; i >= 0 && keep.size < n; i--) keep.add(events[i]!);
  return events.filter((e) => keep.has(e));
}

/** Identical events (same reason, object and message) become their last occurrence with a count. */
function foldRepeats(events: CourseEvent[]): CourseEvent[] {
  const last = new Map<string, { event: CourseEvent; count: number }>();
  for (const e of events) {
    const key = `${e.reason}\u0000${e.involvedObject.kind}/${e.involvedObject.name}\u0000${e.message}`;
    last.set(key, { event: e, count: (last.get(key)?.count ?? 0) + 1 });
  }
  const folded = new Map([...last.values()].map((v) => [v.event, v.count]));
  return events.filter((e) => folded.has(e)).map((e) => (folded.get(e)! > 1 ? { ...e, count: folded.get(e)! } : e));
}

function names(objects: KubeLike[]): string {
  const list = objects.slice(0, 6).map((o) => o.metadata.name ?? '');
  return list.join(', ') + (objects.length > 6 ? ', …' : '');
}
