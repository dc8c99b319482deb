// A parsed scenario: how the cluster looks, how containers behave, and the steps to play.
import type { NodeSpec } from '../nodes.js';
import type { PodRule } from '../kubelet/rules.js';
import type { Cluster } from '../cluster.js';
import type { KubeObject } from '../api/types.js';

export interface Scenario {
  /** Virtual start, ms since epoch. */
  start?: number;
  /** Settle after the last step (default true). */
  settle: boolean;
  /** Explicit nodes; undefined means the default (3 nodes). */
  nodes?: NodeSpec[];
  pods: PodRule[];
  steps: ScenarioStep[];
}

export interface ScenarioStep {
  /** The step's key in the YAML, e.g. 'wait', 'scale'. */
  type: string;
  /** The step's validated arguments (shape defined by its StepDefinition). */
  args: unknown;
  /** Human summary, e.g. "scale Deployment/web to 5". */
  description: string;
  line: number;
  column: number;
}

export interface StepEnv {
  cluster: Cluster;
  /** Objects of a manifest file named by an `apply` step (path as written, relative to the scenario). */
  readManifest(path: string): KubeObject[];
  /** Something the step could not do (object not found…): reported, the run goes on. */
  warn(message: string): void;
}

/** One kind of scenario step. Other modules add theirs with registerStep(). */
export interface StepDefinition<A = unknown> {
  name: string;
  /** Validates the step's value; reports problems through `f` and returns undefined when invalid. */
  parse(f: import('./fields.js').Field): A | undefined;
  describe(args: A): string;
  run(args: A, env: StepEnv): void;
}
