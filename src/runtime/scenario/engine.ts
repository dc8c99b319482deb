// Plays a scenario on a fresh cluster: apply the manifests, run each step at the current virtual time,
// then settle. The result carries the final objects, events, every store change and the step times.
import { KINDS, type KubeObject, type Stored } from '../api/types.js';
import { createCluster, SETTLE_LIMIT_MS, DEFAULT_SEED } from '../cluster.js';
import type { Cluster } from '../cluster.js';
import type { Controller } from '../controller.js';
import type { SimEvent } from '../events.js';
import type { TimelineEntry } from '../timeline.js';
import type { Scenario, StepEnv } from './types.js';
import { stepDefinition } from './steps.js';
import { rfc3339 } from '../time.js';
import { ApiError } from '../store.js';
import { FastForwardDiverged } from '../fastforward/index.js';
import './builtin.js';

export interface SimulateInput {
  manifests: KubeObject[];
  scenario?: Scenario;
  seed?: number;
  /** Resolves an `apply` step's file (as written in the scenario) to its objects. */
  readManifest?: (path: string) => KubeObject[];
  controllers?: Controller[];
  /** Stop after this many loop tasks (default 2,000,000). */
  maxTasks?: number;
  /**
   * Generate the cycles of a periodic steady state (a CronJob's runs) from a learned cycle, checked
   * against the cluster afterwards (default true; false runs every cycle step by step). The result is
   * the same either way.
   */
  fastForward?: boolean;
}

export interface SimulationResult {
  /** RFC3339 virtual time at the end. */
  clock: string;
  start: number;
  end: number;
  /** Final objects, kind (contract order) / namespace / name. */
  items: Stored[];
  events: SimEvent[];
  timeline: TimelineEntry[];
  steps: { index: number; time: number; description: string }[];
  /** Things steps could not do ("pods \"x\" not found"), in order. */
  warnings: string[];
  /** True when settling ended with nothing pending (false: stopped by the 1 h limit or settle: false). */
  settled: boolean;
  /** Why the run stopped early, if it did. */
  capped?: string;
  /** Schedule cycles generated from a learned cycle rather than run (0 without fast-forward). */
  fastForwarded: number;
}

/** The order kinds are listed in: the API's kinds as the contract names them; events are listed apart. */
export const KIND_ORDER: readonly string[] = KINDS.filter((kind) => kind !== 'Event');

export function sortItems(items: Stored[]): Stored[] {
  const rank = (k: string): number => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length : i;
  };
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      cmp(a.kind, b.kind) ||
      cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
      cmp(a.metadata.name, b.metadata.name),
  );
}

/** Creates the cluster a scenario describes (nodes, pod rules, start). */
export function clusterFor(input: SimulateInput): Cluster {
  const s = input.scenario;
  return createCluster({
    seed: input.seed ?? DEFAULT_SEED,
    ...(s?.start !== undefined ? { start: s.start } : {}),
    ...(s?.nodes ? { nodes: s.nodes } : {}),
    podRules: s?.pods ?? [],
    ...(input.controllers ? { controllers: input.controllers } : {}),
    ...(input.maxTasks ? { maxTasks: input.maxTasks } : {}),
    fastForward: input.fastForward !== false,
  });
}

export function simulate(input: SimulateInput): SimulationResult {
  try {
    return play(input);
  } catch (err) {
    // A steady state that did not hold to the end: the same run, every cycle step by step.
    if (err instanceof FastForwardDiverged && input.fastForward !== false) return play({ ...input, fastForward: false });
    throw err;
  }
}

function play(input: SimulateInput): SimulationResult {
  const cluster = clusterFor(input);
  const start = cluster.now();
  const warnings: string[] = [];
  const steps: SimulationResult['steps'] = [];
  const env: StepEnv = {
    cluster,
    readManifest: (path) => {
      if (!input.readManifest) throw new ApiError('Invalid', `cannot read "${path}": no manifest reader`);
      return input.readManifest(path);
    },
    warn: (m) => warnings.push(m),
  };
  for (const obj of input.manifests) {
    try {
      cluster.apply(obj);
    } catch (err) {
      if (err instanceof ApiError) warnings.push(err.message);
      else throw err;
    }
  }
  cluster.loop.runUntil(cluster.now());
  const scenarioSteps = input.scenario?.steps ?? [];
  for (let i = 0; i < scenarioSteps.length && !cluster.capped; i++) {
    const step = scenarioSteps[i]!;
    cluster.setStep(i);
    steps.push({ index: i, time: cluster.now(), description: step.description });
    const def = stepDefinition(step.type);
    if (!def) throw new Error(`scenario step "${step.type}" is not registered`);
    def.run(step.args, env);
    // What the step set off at this instant (controllers reacting) happens before the next step.
    cluster.loop.runUntil(cluster.now());
  }
  let settled = false;
  if (input.scenario?.settle !== false && !cluster.capped) settled = cluster.settle(SETTLE_LIMIT_MS);
  const end = cluster.now();
  const result: SimulationResult = {
    clock: rfc3339(end),
    start,
    end,
    items: sortItems(cluster.snapshot()),
    events: cluster.events,
    timeline: cluster.timeline.entries,
    steps,
    warnings,
    settled,
    fastForwarded: cluster.fastForwarded,
  };
  if (cluster.capped) result.capped = cluster.capped;
  return result;
}
