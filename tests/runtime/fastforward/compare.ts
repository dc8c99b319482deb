// Differential harness for the CronJob fast-forward: the same manifests and scenario are simulated
// step by step (fastForward: false, the reference) and with the fast-forward, and every observable
// part of the two results must be byte-identical. On a mismatch the message names, per part, the
// first differing index, the path inside it and both values, so a 100k-entry timeline stays readable.
import { expect } from 'vitest';
import { simulate, type SimulateInput, type SimulationResult } from '../../../src/runtime/scenario/engine.js';
import { parseScenarioText } from '../../../src/runtime/scenario/parse.js';
import type { KubeObject } from '../../../src/runtime/api/types.js';
import type { Scenario } from '../../../src/runtime/scenario/types.js';

/** Longest rendering of one differing value in a report (a Pod is about 3 kB). */
const MAX_SHOWN = 6000;

export interface Pair {
  reference: SimulationResult;
  fast: SimulationResult;
}

export interface CompareOptions {
  /** Resolves an `apply` step's file to its objects. */
  readManifest?: (path: string) => KubeObject[];
  /** Loop task cap (simulate's maxTasks). */
  maxTasks?: number;
}

export function parseScenario(text: string): Scenario {
  const parsed = parseScenarioText(text, 'x.yaml');
  if (!parsed.scenario) throw new Error(`bad test scenario: ${parsed.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
  return parsed.scenario;
}

/** Runs the scenario step by step and fast-forwarded; no comparison. */
export function runBoth(manifests: KubeObject[], scenarioText: string, seed: number, options: CompareOptions = {}): Pair {
  const input = (fastForward: boolean): SimulateInput => ({
    // Each run gets its own copies: a run must not see objects the other one touched.
    manifests: structuredClone(manifests),
    scenario: parseScenario(scenarioText),
    seed,
    fastForward,
    ...(options.readManifest ? { readManifest: options.readManifest } : {}),
    ...(options.maxTasks !== undefined ? { maxTasks: options.maxTasks } : {}),
  });
  return { reference: simulate(input(false)), fast: simulate(input(true)) };
}

/**
 * Simulates both ways and fails, naming every differing part, unless the results are identical.
 * Returns both results, so a case can also check that the fast-forward engaged.
 */
export function compare(manifests: KubeObject[], scenarioText: string, seed: number, options: CompareOptions = {}): Pair {
  const pair = runBoth(manifests, scenarioText, seed, options);
  const problems = differences(pair.reference, pair.fast);
  if (problems.length > 0) expect.fail(`fast-forwarded run differs from the step-by-step run (seed ${seed}):\n${problems.join('\n\n')}`);
  // The reference itself must not have been fast-forwarded, or the comparison proves nothing.
  expect(pair.reference.fastForwarded).toBe(0);
  return pair;
}

/** The timeline as the brief pins it: these keys, in this order, per entry. */
function timelineJson(e: SimulationResult['timeline'][number]): string {
  return JSON.stringify({ time: e.time, seq: e.seq, type: e.type, step: e.step, object: e.object });
}

/** Every part of the results that differs, each as a readable report; empty when identical. */
export function differences(a: SimulationResult, b: SimulationResult): string[] {
  const out: string[] = [];
  const scalar = (name: string, x: unknown, y: unknown): void => {
    const jx = JSON.stringify(x);
    const jy = JSON.stringify(y);
    if (jx !== jy) out.push(`${name}: step-by-step ${jx} ≠ fast-forward ${jy}`);
  };
  scalar('clock', a.clock, b.clock);
  scalar('start', a.start, b.start);
  scalar('end', a.end, b.end);
  scalar('settled', a.settled, b.settled);
  scalar('capped', a.capped, b.capped);
  const lists: [string, unknown[], unknown[], (x: never) => string][] = [
    ['warnings', a.warnings, b.warnings, JSON.stringify],
    ['steps', a.steps, b.steps, JSON.stringify],
    ['items', a.items, b.items, JSON.stringify],
    ['events', a.events, b.events, JSON.stringify],
    ['timeline', a.timeline, b.timeline, timelineJson],
  ];
  for (const [name, x, y, json] of lists) {
    const d = firstListDifference(name, x, y, json as (v: unknown) => string);
    if (d) out.push(d);
  }
  return out;
}

/** The first index where two lists' JSON renderings differ (or one list ends), described. */
export function firstListDifference<T>(name: string, a: readonly T[], b: readonly T[], json: (v: T) => string): string | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ja = json(a[i]!);
    const jb = json(b[i]!);
    if (ja === jb) continue;
    return [
      `${name}[${i}] differs (lengths ${a.length} step-by-step, ${b.length} fast-forward); first at ${pathOfDifference(JSON.parse(ja), JSON.parse(jb))}`,
      `  step-by-step: ${shown(ja)}`,
      `  fast-forward: ${shown(jb)}`,
    ].join('\n');
  }
  if (a.length === b.length) return undefined;
  const longer = a.length > b.length ? 'step-by-step' : 'fast-forward';
  const extra = a.length > b.length ? a[n]! : b[n]!;
  return `${name}: ${a.length} step-by-step vs ${b.length} fast-forward; the first ${n} agree, then ${longer} has ${name}[${n}]: ${shown(json(extra))}`;
}

function shown(json: string): string {
  return json.length <= MAX_SHOWN ? json : `${json.slice(0, MAX_SHOWN)}… (${json.length} chars)`;
}

/** Where two parsed JSON values first differ: a path like `.object.status.active[0].uid` and both leaves. */
export function pathOfDifference(a: unknown, b: unknown, path = ''): string {
  const here = path === '' ? '(top)' : path;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return pathOfDifference(a[i], b[i], `${path}[${i}]`);
    }
    return `${here}: length ${a.length} ≠ ${b.length}`;
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join('\u0000') !== kb.join('\u0000')) return `${here}: keys ${JSON.stringify(ka)} ≠ ${JSON.stringify(kb)}`;
    for (const k of ka) {
      if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return pathOfDifference(a[k], b[k], `${path}.${k}`);
    }
  }
  return `${here}: ${shown(JSON.stringify(a))} ≠ ${shown(JSON.stringify(b))}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
