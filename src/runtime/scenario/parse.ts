// Scenario YAML → a typed Scenario, or every problem with file:line:column and field path.
// Loading goes through the shared safe YAML reader (size limit, alias bombs, nesting).
import { parseYamlSafely } from '../yaml/index.js';
import type { Problem } from '../yaml/problem.js';
import { closest } from '../../util/suggest.js';
import { Field } from './fields.js';
import type { FieldContext } from './fields.js';
import type { Scenario, ScenarioStep } from './types.js';
import type { PodRule } from '../kubelet/rules.js';
import type { NodeSpec } from '../nodes.js';
import { parseNode } from './nodefields.js';
import { stepDefinition, stepNames } from './steps.js';
import { parseTime } from '../time.js';
import './builtin.js';

const TOP_KEYS = ['start', 'settle', 'nodes', 'pods', 'steps'];
const RULE_KEYS = ['selector', 'runFor', 'exitCode', 'failTimes', 'startupTime', 'readyAfter', 'stopTime'];
export const MAX_NODES = 1000;
export const MAX_STEPS = 10_000;

export interface ParsedScenario {
  scenario?: Scenario;
  problems: Problem[];
}

/** Parses scenario text; `file` is used in problem positions as given. Never throws. */
export function parseScenarioText(text: string, file: string): ParsedScenario {
  const parsed = parseYamlSafely(text, file);
  const problems = [...parsed.problems];
  if (problems.some((p) => p.severity === 'error')) return { problems };
  if (parsed.docs.length > 1) {
    const d = parsed.docs[1]!;
    return { problems: [{ severity: 'error', rule: 'scenario', file, line: d.line, column: d.column, message: 'a scenario file holds one YAML document', hint: 'Remove the "---" separator.' }] };
  }
  const doc = parsed.docs[0];
  return parseFields(doc?.value ?? {}, { file, positionOf: doc ? doc.positionOf : atStart, problems });
}

/**
 * Parses a scenario already read as data (a lesson pack's exercise or quiz holds one): the same rules
 * as a scenario file, with problems located by their field path (`path`) rather than a line.
 */
export function parseScenarioValue(value: unknown, file: string): ParsedScenario {
  return parseFields(value ?? {}, { file, positionOf: atStart, problems: [] });
}

const atStart = (): { line: number; column: number } => ({ line: 1, column: 1 });

function parseFields(value: unknown, ctx: FieldContext): ParsedScenario {
  const scenario = parseRoot(new Field(ctx, [], value));
  const problems = ctx.problems;
  return problems.some((p) => p.severity === 'error') || !scenario ? { problems } : { scenario, problems };
}

function parseRoot(root: Field): Scenario | undefined {
  const m = root.map(TOP_KEYS, 'a scenario');
  if (!m) return undefined;
  const scenario: Scenario = { settle: true, pods: [], steps: [] };
  const start = m.child('start');
  if (start.exists) {
    const v = start.value instanceof Date ? start.value.toISOString() : start.value;
    const ms = typeof v === 'string' ? parseTime(v) : undefined;
    if (ms === undefined) start.error('start must be an RFC3339 time such as "2030-01-01T00:00:00Z"');
    else scenario.start = ms;
  }
  const settle = m.child('settle');
  if (settle.exists) {
    const b = settle.bool('settle');
    if (b !== undefined) scenario.settle = b;
  }
  const nodes = m.child('nodes');
  if (nodes.exists) {
    const n = parseNodes(nodes);
    if (n) scenario.nodes = n;
  }
  const pods = m.child('pods');
  if (pods.exists) scenario.pods = (pods.list('pods') ?? []).map(parseRule).filter((r): r is PodRule => !!r);
  const steps = m.child('steps');
  if (steps.exists) {
    const items = steps.list('steps') ?? [];
    if (items.length > MAX_STEPS) steps.error(`a scenario has at most ${MAX_STEPS} steps`);
    else scenario.steps = items.map(parseStep).filter((s): s is ScenarioStep => !!s);
  }
  return scenario;
}

function parseNodes(f: Field): NodeSpec[] | undefined {
  if (typeof f.value === 'number') {
    const n = f.int('nodes', 0, MAX_NODES);
    return n === undefined ? undefined : Array.from({ length: n }, (_, i) => ({ name: `node-${i + 1}` }));
  }
  const items = f.list('nodes (a count or a list of nodes)');
  if (!items) return undefined;
  if (items.length > MAX_NODES) return f.error(`at most ${MAX_NODES} nodes`);
  const out: NodeSpec[] = [];
  const seen = new Set<string>();
  for (const it of items) {
    const n = parseNode(it);
    if (!n) continue;
    if (seen.has(n.name)) it.child('name').error(`node "${n.name}" is listed twice`);
    seen.add(n.name);
    out.push(n);
  }
  return out.length === items.length ? out : undefined;
}

function parseRule(f: Field): PodRule | undefined {
  const m = f.map(RULE_KEYS, 'a pod rule');
  if (!m) return undefined;
  const sel = m.child('selector');
  if (!sel.exists) return m.error('a pod rule needs a selector', 'e.g. selector: {matchLabels: {app: web}}');
  const selector = sel.selector('selector');
  if (!selector) return undefined;
  const rule: PodRule = { selector };
  let ok = true;
  for (const key of ['runFor', 'startupTime', 'readyAfter', 'stopTime'] as const) {
    const c = m.child(key);
    if (!c.exists) continue;
    const ms = c.duration(key);
    if (ms === undefined) ok = false;
    else rule[key] = ms;
  }
  const exit = m.child('exitCode');
  if (exit.exists) {
    const n = exit.int('exitCode', 0, 255);
    if (n === undefined) ok = false;
    else rule.exitCode = n;
  }
  const fails = m.child('failTimes');
  if (fails.exists) {
    const n = fails.int('failTimes', 0, 1_000_000);
    if (n === undefined) ok = false;
    else rule.failTimes = n;
  }
  return ok ? rule : undefined;
}

function parseStep(f: Field): ScenarioStep | undefined {
  if (!f.isMap() || Object.keys(f.value as object).length !== 1) {
    return f.error('each step is a mapping with one key, such as "wait: 30s" or "scale: {kind: Deployment, name: web, replicas: 5}"');
  }
  const type = Object.keys(f.value as object)[0]!;
  const def = stepDefinition(type);
  const arg = f.child(type);
  if (!def) {
    const near = closest(type, stepNames());
    arg.keyError(`unknown step "${type}"${near ? ` (did you mean "${near}"?)` : ''}`, `Steps: ${stepNames().join(', ')}.`);
    return undefined;
  }
  const args = def.parse(arg);
  if (args === undefined) return undefined;
  const at = f.ctx.positionOf(f.path, 'value');
  return { type, args, description: def.describe(args), line: at.line, column: at.column };
}

/** The manifest files `apply` steps name (paths as written), for loading and validating before a run. */
export function manifestFiles(scenario: Scenario): string[] {
  const out: string[] = [];
  for (const s of scenario.steps) {
    const a = s.args as { file?: string };
    if (s.type === 'apply' && typeof a.file === 'string' && !out.includes(a.file)) out.push(a.file);
  }
  return out;
}
