// A simulated cluster: the store, the loop, the system components and the controllers, wired together.
import type { KubeObject, LabelSelector, Stored } from './api/types.js';
import { isNamespaced } from './api/kinds.js';
import { Store, ApiError } from './store.js';
import type { DeleteOptions } from './store.js';
import { Loop } from './loop.js';
import { createRand } from './rand.js';
import { EventRecorder } from './events.js';
import type { SimEvent } from './events.js';
import { Timeline } from './timeline.js';
import { ControllerManager } from './controller.js';
import type { Controller } from './controller.js';
import { controllers as defaultControllers } from './controllers/index.js';
import { Scheduler } from './scheduler/index.js';
import { Kubelet } from './kubelet/index.js';
import type { PodRule } from './kubelet/rules.js';
import { GarbageCollector } from './gc.js';
import { NodeLifecycle, nodeObject } from './nodes.js';
import type { NodeSpec } from './nodes.js';
import { rfc3339 } from './time.js';
import { matchesSelector } from './api/selectors.js';
import { applyPatch } from './apply.js';
import { clonePlain } from './api/equal.js';
import { FastForward } from './fastforward/index.js';

/** 2030-01-01T00:00:00Z: the default virtual start, a fixed instant (never wall time). */
export const DEFAULT_START = Date.UTC(2030, 0, 1);
export const DEFAULT_SEED = 1;
/** Settling stops after this much virtual time. */
export const SETTLE_LIMIT_MS = 3_600_000;

export interface ClusterOptions {
  seed?: number;
  start?: number;
  /** A count (node-1..node-N) or explicit nodes; default 3. */
  nodes?: NodeSpec[] | number;
  podRules?: PodRule[];
  /** Controllers to run (default: all registered ones). */
  controllers?: Controller[];
  /** Deep-freeze stored objects (catches mutation; default on under vitest). */
  freeze?: boolean;
  maxTasks?: number;
  /**
   * Generate the cycles of a periodic steady state (a CronJob's runs) from a learned cycle instead of
   * running each one (default off; simulate() turns it on and falls back on FastForwardDiverged).
   */
  fastForward?: boolean;
}

export function nodeSpecs(nodes: NodeSpec[] | number | undefined): NodeSpec[] {
  if (Array.isArray(nodes)) return nodes;
  const n = nodes ?? 3;
  return Array.from({ length: n }, (_, i) => ({ name: `node-${i + 1}` }));
}

export class Cluster {
  readonly loop: Loop;
  readonly store: Store;
  readonly recorder: EventRecorder;
  readonly timeline: Timeline;
  readonly kubelet: Kubelet;
  readonly scheduler: Scheduler;
  readonly manager: ControllerManager;
  podRules: PodRule[];
  private nodeCount = 0;
  /** uid → the manifest last applied to it (kubectl keeps it in the last-applied-configuration annotation). */
  private readonly lastApplied = new Map<string, KubeObject>();
  private readonly fastForward: FastForward | undefined;

  constructor(opts: ClusterOptions = {}) {
    const rand = createRand(opts.seed ?? DEFAULT_SEED);
    this.loop = new Loop({ start: opts.start ?? DEFAULT_START, ...(opts.maxTasks ? { maxTasks: opts.maxTasks } : {}) });
    const now = (): number => this.loop.now();
    const freeze = opts.freeze ?? (typeof process !== 'undefined' && process.env.VITEST !== undefined);
    this.store = new Store({ now, rand, freeze });
    this.timeline = new Timeline(now);
    this.store.watch((c) => this.timeline.record(c));
    this.recorder = new EventRecorder(now);
    this.podRules = opts.podRules ?? [];
    this.scheduler = new Scheduler(this.store, this.loop, this.recorder);
    this.kubelet = new Kubelet(this.store, this.loop, this.recorder, () => this.podRules);
    new GarbageCollector(this.store, this.loop);
    new NodeLifecycle(this.store, this.loop);
    this.manager = new ControllerManager(this.store, this.loop, this.recorder, opts.controllers ?? defaultControllers);
    for (const spec of nodeSpecs(opts.nodes)) this.addNode(spec);
    if (opts.fastForward) this.fastForward = new FastForward(this);
  }

  /** Schedule cycles generated from a learned cycle rather than run (see fastforward/). */
  get fastForwarded(): number {
    return this.fastForward?.generated ?? 0;
  }

  now(): number {
    return this.loop.now();
  }

  get events(): SimEvent[] {
    return this.recorder.events;
  }

  /** Marks what follows as happening in scenario step `index` (timeline entries and events carry it). */
  setStep(index: number | undefined): void {
    this.timeline.step = index;
    this.recorder.step = index;
  }

  /**
   * `kubectl apply`: create, or three-way merge labels, annotations and spec into the existing object
   * (status kept). Server-set fields the manifests never mentioned survive; see apply.ts.
   */
  apply(obj: KubeObject): Stored {
    const ns = isNamespaced(obj.kind) ? obj.metadata?.namespace || 'default' : undefined;
    const existing = obj.metadata?.name ? this.store.get(obj.kind, ns, obj.metadata.name) : undefined;
    const stored = existing
      ? this.store.update(applyPatch(existing, this.lastApplied.get(existing.metadata.uid), obj))
      : this.store.create(obj);
    this.lastApplied.set(stored.metadata.uid, clonePlain(obj));
    return stored;
  }

  create(obj: KubeObject): Stored {
    return this.store.create(obj);
  }

  delete(kind: string, namespace: string | undefined, name: string, opts?: DeleteOptions): Stored | undefined {
    return this.store.delete(kind, namespace, name, opts);
  }

  /** Deletes up to `count` objects of `kind` matching `selector` (all when count is undefined), by name order. */
  deleteBySelector(kind: string, namespace: string | undefined, selector: LabelSelector, count?: number): string[] {
    const matching = this.store
      .list(kind, isNamespaced(kind) ? namespace ?? 'default' : undefined)
      .filter((o) => !o.metadata.deletionTimestamp && matchesSelector(o.metadata.labels, selector))
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .slice(0, count ?? Infinity);
    for (const o of matching) this.store.delete(kind, o.metadata.namespace, o.metadata.name);
    return matching.map((o) => o.metadata.name);
  }

  /** Sets spec.replicas (the scale subresource). */
  scale(kind: string, namespace: string | undefined, name: string, replicas: number): Stored {
    const obj = this.store.get(kind, namespace, name);
    if (!obj) throw new ApiError('NotFound', `${kind.toLowerCase()}s "${name}" not found`);
    return this.store.update({ ...obj, spec: { ...obj.spec, replicas } });
  }

  killPod(namespace: string | undefined, name: string): boolean {
    return this.kubelet.killPod(namespace ?? 'default', name);
  }

  addNode(spec: NodeSpec): Stored {
    return this.store.create(nodeObject(spec, this.nodeCount++, rfc3339(Math.floor(this.now() / 1000) * 1000)));
  }

  removeNode(name: string): void {
    this.store.delete('Node', undefined, name);
  }

  /** Advances virtual time by `ms`, running everything due (CronJob schedules included). */
  runFor(ms: number): void {
    if (this.fastForward) this.fastForward.run(this.now() + ms);
    else this.loop.runUntil(this.now() + ms);
  }

  /** Runs pending work (no CronJob schedules) until quiet or `maxMs` of virtual time. True when quiet. */
  settle(maxMs = SETTLE_LIMIT_MS): boolean {
    return this.loop.settle(maxMs);
  }

  get capped(): string | undefined {
    return this.loop.capped;
  }

  /** Current objects, sorted by kind/namespace/name. */
  snapshot(): Stored[] {
    return this.store.all();
  }
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  return new Cluster(opts);
}
