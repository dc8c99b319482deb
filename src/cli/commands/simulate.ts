// `simulate`: validate manifests (and a scenario), play them on the embedded cluster, print the result.
// The contract is docs/simulate-contract.md: output forms, exit codes, error shapes.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, isAbsolute } from 'node:path';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIO } from '../io.js';
import type { CommandContext } from '../registry.js';
import { loadManifestText, formatProblem, type Problem } from '../../runtime/validate/index.js';
import { MAX_BYTES } from '../../runtime/yaml/index.js';
import { simulate, parseScenarioText, manifestFiles } from '../../runtime/index.js';
import type { KubeObject, Scenario, SimulationResult } from '../../runtime/index.js';
import { formatJson } from '../../runtime/output/json.js';
import { formatEvents } from '../../runtime/output/events.js';
import { formatTables } from '../../runtime/output/table.js';

const OUTPUTS = ['table', 'json', 'events'] as const;
type Output = (typeof OUTPUTS)[number];

interface Loaded {
  manifests: KubeObject[];
  scenario?: Scenario;
  /** Objects of each file an `apply` step names, by the name as written in the scenario. */
  applyFiles: Map<string, KubeObject[]>;
  problems: Problem[];
}

function parseOptions(values: CommandContext['values'], positionals: string[]): { output: Output; seed?: number } {
  if (positionals.length === 0) throw new UsageError('simulate needs at least one manifest file', 'simulate');
  const output = (values.output ?? 'table') as string;
  if (!(OUTPUTS as readonly string[]).includes(output)) {
    throw new UsageError(`unknown output format '${output}' (use table, json or events)`, 'simulate');
  }
  const seedText = values.seed;
  if (seedText === undefined) return { output: output as Output };
  if (typeof seedText !== 'string' || !/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not '${String(seedText)}'`, 'simulate');
  }
  return { output: output as Output, seed: Number(seedText) };
}

function fileProblem(file: string, message: string, hint?: string): Problem {
  const p: Problem = { severity: 'error', rule: 'file', file, line: 1, column: 1, message };
  if (hint) p.hint = hint;
  return p;
}

/** Reads a text file, refusing what is missing, a directory or too large (before reading it). */
async function readText(path: string, shown: string, cwd: string): Promise<{ text?: string; problem?: Problem }> {
  const full = isAbsolute(path) ? path : join(cwd, path);
  try {
    const st = await stat(full);
    if (st.isDirectory()) return { problem: fileProblem(shown, 'this is a directory, not a file', 'Name a YAML file.') };
    if (st.size > MAX_BYTES) return { problem: fileProblem(shown, `the file is larger than ${MAX_BYTES / 1024 / 1024} MiB`, 'A manifest is a few kilobytes; check that this is the file you meant.') };
    return { text: await readFile(full, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'the file could not be read';
    return { problem: fileProblem(shown, message, code === 'ENOENT' ? 'Check the path.' : undefined) };
  }
}

async function loadManifestFile(path: string, shown: string, cwd: string, advice: boolean, problems: Problem[]): Promise<KubeObject[]> {
  const { text, problem } = await readText(path, shown, cwd);
  if (problem) {
    problems.push(problem);
    return [];
  }
  const loaded = loadManifestText(text!, shown, { advice });
  problems.push(...loaded.problems);
  return loaded.objects.map((o) => o.object);
}

async function loadAll(io: CliIO, files: string[], scenarioFile: string | undefined, advice: boolean): Promise<Loaded> {
  const out: Loaded = { manifests: [], applyFiles: new Map(), problems: [] };
  for (const f of files) out.manifests.push(...(await loadManifestFile(f, f, io.cwd, advice, out.problems)));
  if (scenarioFile === undefined) return out;
  const { text, problem } = await readText(scenarioFile, scenarioFile, io.cwd);
  if (problem) {
    out.problems.push(problem);
    return out;
  }
  const parsed = parseScenarioText(text!, scenarioFile);
  out.problems.push(...parsed.problems);
  if (!parsed.scenario) return out;
  out.scenario = parsed.scenario;
  // Files named by `apply` steps are relative to the scenario; they are validated before anything runs.
  for (const rel of manifestFiles(parsed.scenario)) {
    const path = isAbsolute(rel) ? rel : join(dirname(scenarioFile), rel);
    out.applyFiles.set(rel, await loadManifestFile(path, path, io.cwd, advice, out.problems));
  }
  return out;
}

function errorJson(p: Problem): Record<string, unknown> {
  return { file: p.file, line: p.line, column: p.column, kind: p.kind ?? null, name: p.name ?? null, path: p.path ?? null, message: p.hint ? `${p.message.replace(/\.?$/, '.')} ${p.hint}` : p.message };
}

function print(io: CliIO, output: Output, result: SimulationResult): void {
  if (output === 'json') io.stdout.write(formatJson(result));
  else if (output === 'events') io.stdout.write(formatEvents(result.events, result.start));
  else io.stdout.write(formatTables(result.items, result.end));
}

export async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const { output, seed } = parseOptions(values, positionals);
  const advice = values['no-advice'] !== true;
  const scenarioFile = typeof values.scenario === 'string' ? values.scenario : undefined;
  const loaded = await loadAll(io, positionals, scenarioFile, advice);
  const color = io.errColor.red('x') !== 'x';
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  for (const p of loaded.problems) io.stderr.write(formatProblem(p, { color }) + '\n');
  if (errors.length > 0) {
    if (output === 'json') io.stdout.write(JSON.stringify({ errors: errors.map(errorJson) }, null, 2) + '\n');
    return EXIT_FAILED;
  }
  const result = simulate({
    manifests: loaded.manifests,
    ...(loaded.scenario ? { scenario: loaded.scenario } : {}),
    ...(seed !== undefined ? { seed } : {}),
    readManifest: (path) => loaded.applyFiles.get(path) ?? [],
  });
  for (const w of result.warnings) io.stderr.write(`${io.errColor.yellow('warning:')} ${w}\n`);
  if (result.capped) io.stderr.write(`${io.errColor.yellow('warning:')} ${result.capped}\n`);
  print(io, output, result);
  return EXIT_OK;
}
