// The embedded cluster runtime: public entry points.
export { createCluster, Cluster, DEFAULT_START, DEFAULT_SEED, SETTLE_LIMIT_MS } from './cluster.js';
export type { ClusterOptions } from './cluster.js';
export type { NodeSpec } from './nodes.js';
export type { PodRule } from './kubelet/rules.js';
export { Store, ApiError } from './store.js';
export type { StoreReader, WatchChange, DeleteOptions } from './store.js';
export { Loop } from './loop.js';
export type { Controller, SyncContext, Action } from './controller.js';
export { applyActions } from './controller.js';
export type { SimEvent } from './events.js';
export type { TimelineEntry } from './timeline.js';
export type { KubeObject, Stored, Kind, ObjRef } from './api/types.js';
export { rfc3339, parseDuration } from './time.js';
export { simulate, clusterFor, sortItems, KIND_ORDER } from './scenario/engine.js';
export type { SimulateInput, SimulationResult } from './scenario/engine.js';
export { parseScenarioText, parseScenarioValue, manifestFiles } from './scenario/parse.js';
export type { Scenario, ScenarioStep, StepDefinition, StepEnv } from './scenario/types.js';
export { registerStep } from './scenario/steps.js';
