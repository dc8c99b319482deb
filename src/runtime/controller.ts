// The controller contract and the machinery that runs controllers: per-controller deduplicating work
// queues fed by watch handlers (as upstream pkg/controller informer handlers), and applyActions, which
// turns a sync's decisions into store writes and events.
import type { Kind, KubeObject, ObjRef, Stored } from './api/types.js';
import type { Store, StoreReader, WatchChange, PropagationPolicy } from './store.js';
import { ApiError } from './store.js';
import type { Loop, TaskHandle } from './loop.js';
import type { EventRecorder, EventType } from './events.js';

export type { WatchChange, StoreReader };

export interface SyncContext {
  now: number;
  store: StoreReader;
  /** The simulation is settling after its last step: no CronJob schedule fires (simulate contract). */
  settling?: boolean;
}

export type Action =
  | {
      type: 'create';
      object: KubeObject;
      /** An event to record once created; `{name}` in the message becomes the created object's name. */
      event?: { eventType: EventType; reason: string; involved: ObjRef; message: string };
      /** Reads the created object, as a controller reads the API's response (e.g. its uid for a reference). */
      onCreated?: (created: Stored) => void;
    }
  | { type: 'update'; object: KubeObject }
  | { type: 'updateStatus'; object: KubeObject }
  | {
      type: 'delete';
      kind: Kind;
      namespace?: string;
      name: string;
      gracePeriodSeconds?: number;
      propagationPolicy?: PropagationPolicy;
      /** An event to record when the delete was accepted. */
      event?: { eventType: EventType; reason: string; involved: ObjRef; message: string };
    }
  | { type: 'event'; eventType: EventType; reason: string; involved: ObjRef; message: string }
  /** Sync this key again later. `timer: true` marks a schedule (CronJob) that settling does not wait for. */
  | { type: 'requeueAfter'; ms: number; timer?: boolean };

export interface Controller {
  /** e.g. 'replicaset-controller' (used as the events' source). */
  name: string;
  /** For each watched kind: which keys ("namespace/name") to enqueue for a change. */
  watches: Partial<Record<Kind, (change: WatchChange, store: StoreReader) => readonly string[]>>;
  /** Decide: observed state → actions. Pure: reads only through ctx. */
  sync(key: string, ctx: SyncContext): Action[];
}

export interface ApplyContext {
  store: Store;
  recorder: EventRecorder;
  source: string;
  /** Called for requeueAfter. */
  requeue?: (ms: number, timer: boolean) => void;
}

/**
 * Applies actions in order. A refused write (e.g. AlreadyExists after a race, NotFound) is skipped, as a
 * controller's failed API call would be retried on the next sync. Returns the refusals.
 */
export function applyActions(actions: Action[], ctx: ApplyContext): ApiError[] {
  const errors: ApiError[] = [];
  for (const a of actions) {
    try {
      applyOne(a, ctx);
    } catch (err) {
      if (err instanceof ApiError) errors.push(err);
      else throw err;
    }
  }
  return errors;
}

function applyOne(a: Action, ctx: ApplyContext): void {
  const { store, recorder, source } = ctx;
  switch (a.type) {
    case 'create': {
      const created = store.create(a.object);
      if (a.event) {
        const message = a.event.message.replaceAll('{name}', created.metadata.name);
        recorder.record(source, a.event.involved, a.event.eventType, a.event.reason, message);
      }
      a.onCreated?.(created);
      return;
    }
    case 'update':
      store.update(a.object);
      return;
    case 'updateStatus':
      store.updateStatus(a.object);
      return;
    case 'delete': {
      const opts: { gracePeriodSeconds?: number; propagationPolicy?: PropagationPolicy } = {};
      if (a.gracePeriodSeconds !== undefined) opts.gracePeriodSeconds = a.gracePeriodSeconds;
      if (a.propagationPolicy) opts.propagationPolicy = a.propagationPolicy;
      store.delete(a.kind, a.namespace, a.name, opts);
      if (a.event) recorder.record(source, a.event.involved, a.event.eventType, a.event.reason, a.event.message);
      return;
    }
    case 'event':
      recorder.record(source, a.involved, a.eventType, a.reason, a.message);
      return;
    case 'requeueAfter':
      ctx.requeue?.(a.ms, a.timer === true);
      return;
  }
}

interface Watcher {
  controller: Controller;
  keysFor: (change: WatchChange, store: StoreReader) => readonly string[];
  queued: Set<string>;
}

/** Runs controllers: watch → keys → deduplicating queue → sync at the current virtual time → apply. */
export class ControllerManager {
  private readonly queued = new Map<Controller, Set<string>>();
  /** Watch functions by kind, in controller order, each with its controller's queue. */
  private readonly byKind = new Map<string, Watcher[]>();
  /** The pending requeue of each controller/key; a sync that asks for none withdraws it. */
  private readonly timers = new Map<Controller, Map<string, { due: number; handle: TaskHandle }>>();

  constructor(
    private readonly store: Store,
    private readonly loop: Loop,
    private readonly recorder: EventRecorder,
    controllers: Controller[],
  ) {
    for (const c of controllers) {
      this.queued.set(c, new Set());
      this.timers.set(c, new Map());
      for (const [kind, keysFor] of Object.entries(c.watches)) {
        let list = this.byKind.get(kind);
        if (!list) this.byKind.set(kind, (list = []));
        list.push({ controller: c, keysFor, queued: this.queued.get(c)! });
      }
    }
    store.watch((change) => this.onChange(change));
  }

  /** Queues `key` for controller `c` (no-op if already queued and not yet synced). */
  enqueue(c: Controller, key: string, q: Set<string> = this.queued.get(c)!): void {
    if (q.has(key)) return;
    q.add(key);
    this.loop.at(this.loop.now(), `${c.name} sync ${key}`, () => {
      q.delete(key);
      this.syncNow(c, key);
    });
  }

  private onChange(change: WatchChange): void {
    const watchers = this.byKind.get(change.object.kind);
    if (!watchers) return;
    // Every write reaches here: plain indexed loops, and each watcher carries its queue.
    for (let i = 0; i < watchers.length; i++) {
      const w = watchers[i]!;
      const keys = w.keysFor(change, this.store);
      for (let j = 0; j < keys.length; j++) this.enqueue(w.controller, keys[j]!, w.queued);
    }
  }

  private syncNow(c: Controller, key: string): void {
    const actions = c.sync(key, { now: this.loop.now(), store: this.store, settling: this.loop.settling });
    const asked = new Set<string>();
    applyActions(actions, {
      store: this.store,
      recorder: this.recorder,
      source: c.name,
      requeue: (ms, timer) => asked.add(this.requeueAfter(c, key, ms, timer)),
    });
    // A requeue the latest sync no longer asks for is stale (e.g. a progress deadline of a rollout that
    // has completed): withdraw it so it does not hold the clock.
    const pending = this.timers.get(c)!;
    for (const tk of [`T|${key}`, `W|${key}`]) {
      const t = pending.get(tk);
      if (t && !asked.has(tk)) {
        t.handle.cancel();
        pending.delete(tk);
      }
    }
  }

  /**
   * Re-arms every pending requeue at `dueOf(label, due)`, in the order they were armed, so requeues
   * due at the same instant keep their order (a fast-forward moves the schedules that move with its
   * cycle and leaves the others).
   */
  moveRequeues(dueOf: (label: string, due: number) => number): void {
    const all: { c: Controller; key: string; timer: boolean; due: number; seq: number }[] = [];
    for (const [c, pending] of this.timers) {
      for (const [tk, t] of pending) {
        const timer = tk.startsWith('T|');
        const key = tk.slice(2);
        all.push({ c, key, timer, due: dueOf(requeueLabel(c, key, timer), t.due), seq: t.handle.seq });
        t.handle.cancel();
      }
      pending.clear();
    }
    all.sort((a, b) => a.seq - b.seq);
    const now = this.loop.now();
    for (const r of all) this.requeueAfter(r.c, r.key, r.due - now, r.timer);
  }

  private requeueAfter(c: Controller, key: string, ms: number, timer: boolean): string {
    const due = this.loop.now() + Math.max(0, ms);
    const pending = this.timers.get(c)!;
    const tk = `${timer ? 'T' : 'W'}|${key}`;
    const existing = pending.get(tk);
    if (existing?.due === due) return tk;
    existing?.handle.cancel();
    const fire = (): void => {
      if (pending.get(tk)?.due === due) pending.delete(tk);
      this.enqueue(c, key);
    };
    const label = requeueLabel(c, key, timer);
    const handle = timer ? this.loop.timerAt(due, label, fire) : this.loop.at(due, label, fire);
    pending.set(tk, { due, handle });
    return tk;
  }
}

/** The loop label of a controller's requeue of `key`: a schedule (timer) or a plain requeue. */
function requeueLabel(c: Controller, key: string, timer: boolean): string {
  return `${c.name} ${timer ? 'schedule' : 'requeue'} ${key}`;
}
