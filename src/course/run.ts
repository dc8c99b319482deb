/**
 * The course's one door into the runtime: validate a manifest, parse a scenario given as pack data,
 * simulate, and hand back the run as the course sees it. Pure (no I/O): files a scenario applies were
 * read, confined to the pack, when the pack was loaded.
 */
import { parseScenarioValue, simulate, type KubeObject, type Scenario } from '../runtime/index.js';
import { loadManifestText } from '../runtime/validate/index.js';
import type { Problem, SimulationRecord } from './types.js';

export interface RunInput {
  manifestText: string;
  /** The manifest's file name, as problems should show it. */
  file: string;
  /** The scenario as pack data (a mapping), or undefined for none. */
  scenario: unknown;
  /** Files `apply:` steps name, by the path written in the scenario. */
  files: Readonly<Record<string, string>>;
  seed?: number;
}

export type RunOutcome =
  | { ok: true; simulation: SimulationRecord; problems: Problem[] }
  | { ok: false; stage: 'manifest' | 'scenario'; problems: Problem[] };

const parsedScenarios = new WeakMap<object, { scenario?: Scenario; problems: Problem[] }>();

/** Parses a scenario held as data (from exercise.yaml or a quiz); a problem's `path` says where in it. */
export function parseScenarioData(data: unknown, file: string): { scenario?: Scenario; problems: Problem[] } {
  if (data === undefined || data === null) return { scenario: { settle: true, pods: [], steps: [] }, problems: [] };
  if (typeof data === 'object') {
    const cached = parsedScenarios.get(data);
    if (cached) return cached;
  }
  const parsed = parseScenarioValue(data, file);
  const result = parsed.scenario ? { scenario: parsed.scenario, problems: parsed.problems } : { problems: parsed.problems };
  if (typeof data === 'object') parsedScenarios.set(data, result);
  return result;
}

export function runScenario(input: RunInput): RunOutcome {
  const loaded = loadManifestText(input.manifestText, input.file);
  if (loaded.problems.some((p) => p.severity === 'error')) return { ok: false, stage: 'manifest', problems: loaded.problems };
  const scenario = parseScenarioData(input.scenario, 'scenario');
  if (!scenario.scenario) return { ok: false, stage: 'scenario', problems: scenario.problems };
  const result = simulate({
    manifests: loaded.objects.map((o) => o.object),
    scenario: scenario.scenario,
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    readManifest: (path) => readApplied(input.files, path),
  });
  const simulation: SimulationRecord = {
    clock: result.clock,
    start: result.start,
    items: result.items,
    events: result.events,
    timeline: result.timeline,
    steps: result.steps,
    ...(result.capped ? { capped: result.capped } : {}),
  };
  const notes: Problem[] = result.warnings.map((message) => ({ severity: 'warning', rule: 'scenario-step', file: 'scenario', message }));
  return { ok: true, simulation, problems: [...loaded.problems, ...notes] };
}

function readApplied(files: Readonly<Record<string, string>>, path: string): KubeObject[] {
  const text = files[path];
  if (text === undefined) throw new Error(`the scenario applies ${path}, which the lesson pack does not provide`);
  return loadManifestText(text, path, { advice: false }).objects.map((o) => o.object);
}
