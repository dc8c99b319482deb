// Manifest validation figures: a 200-line manifest (target ≤ 2 ms median), the first validation in a
// fresh process including the schema load (target ≤ 30 ms), hostile inputs and mutated manifests
// (target: each answered within 100 ms).
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { fileURLToPath } from 'node:url';
import { loadManifestText } from '../src/runtime/validate/index.js';
import { MAX_BYTES } from '../src/runtime/yaml/index.js';
import { median, medianMs, report } from './_stats.js';

const DEPLOYMENT = (name: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}, tier: web}
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}, tier: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        ports:
        - {name: http, containerPort: 8080}
        env:
        - {name: MODE, value: production}
        resources:
          requests: {cpu: 100m, memory: 64Mi}
          limits: {memory: 128Mi}
        readinessProbe:
          httpGet: {path: /healthz, port: http}
      volumes:
      - name: cache
        emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports:
  - {port: 80, targetPort: http}
---
`;

/** About 200 lines: four Deployment + Service pairs. */
export const MANIFEST_200 = ['a', 'b', 'c', 'd', 'e'].map(DEPLOYMENT).join('').split('\n').slice(0, 200).join('\n');

interface FreshFigures {
  importMs: number;
  firstMs: number;
  firstCpuMs: number;
  processCpuMs: number;
  yamlLoaded: boolean;
}

function firstValidationInFreshProcess(): FreshFigures {
  const module = new URL('../src/runtime/validate/index.js', import.meta.url).href;
  const script = `
    const t0 = performance.now();
    const { loadManifestText } = await import(${JSON.stringify(module)});
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    loadManifestText(${JSON.stringify(MANIFEST_200)}, 'm.yaml');
    const t2 = performance.now();
    const first = process.cpuUsage(c1);
    const cpu = process.cpuUsage();
    const { createRequire } = await import('node:module');
    const yamlLoaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/yaml/'));
    console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, firstCpuMs: (first.user + first.system) / 1000, processCpuMs: (cpu.user + cpu.system) / 1000, yamlLoaded }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('.', import.meta.url)) });
  return JSON.parse(out.toString()) as FreshFigures;
}

function cpuMsPerRun(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 20; i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Deterministic text mutations of the manifest (a tiny LCG: no Math.random in figures we compare). */
function mutatedInputs(count: number): string[] {
  let seed = 42;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const chars = ' \t\n:-[]{},#&*!|>\'"%@?a1.';
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = MANIFEST_200;
    for (let k = 0; k < 1 + next(4); k++) {
      const at = next(text.length);
      text = next(2) ? text.slice(0, at) + text.slice(at + 1 + next(6)) : text.slice(0, at) + chars[next(chars.length)] + text.slice(at);
    }
    out.push(text);
  }
  return out;
}

export async function run(): Promise<void> {
  const lines = MANIFEST_200.split('\n').length;
  // The machine's load skews every figure: print it, and the yaml package's own parse as a baseline.
  report('load average (1 min) while measuring', loadavg()[0]!, '');
  report(`baseline: yaml package parse + toJS of the same ${lines} lines (median)`, await medianMs(() => parseAllDocuments(MANIFEST_200).map((d) => d.toJS()), 200, 20), 'ms');
  report(`validate a ${lines}-line manifest (median)`, await medianMs(() => loadManifestText(MANIFEST_200, 'm.yaml'), 200, 20), 'ms', '≤ 2 ms');
  // CPU time is less distorted than wall time when the machine is shared (other processes' load).
  report(`validate a ${lines}-line manifest (mean CPU time over 200 runs)`, cpuMsPerRun(() => loadManifestText(MANIFEST_200, 'm.yaml'), 200), 'ms', '≤ 2 ms');
  // An anchor sends the file to the reference path (the yaml package): what every manifest cost before.
  const anchored = MANIFEST_200.replace('labels: {app: a, tier: web}', 'labels: &labels {app: a, tier: web}');
  report(`validate the same ${lines} lines using an anchor (reference path, median)`, await medianMs(() => loadManifestText(anchored, 'm.yaml'), 100, 10), 'ms');
  const fresh = Array.from({ length: 5 }, firstValidationInFreshProcess);
  report('fresh process: import validator (js-yaml + schema module), median of 5', median(fresh.map((f) => f.importMs)), 'ms');
  report('fresh process: first validation incl. schema parse, median of 5', median(fresh.map((f) => f.firstMs)), 'ms', '≤ 30 ms');
  report('fresh process: CPU time of that first validation, median of 5', median(fresh.map((f) => f.firstCpuMs)), 'ms', '≤ 30 ms');
  report('fresh process: yaml package loaded (1 = yes; a plain manifest does not need it)', fresh.filter((f) => f.yamlLoaded).length / fresh.length, '');
  report('fresh process: total CPU time of the process up to then, median of 5', median(fresh.map((f) => f.processCpuMs)), 'ms');

  let bomb = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  const hostile: [string, string][] = [
    ['alias bomb (9 levels × 9)', bomb],
    ['1,000-deep flow nesting', `a: ${'['.repeat(1000)}${']'.repeat(1000)}`],
    ['1,000-deep block nesting', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
    ['file just over 5 MiB', `a: "${'x'.repeat(MAX_BYTES)}"`],
    ['binary (NUL bytes)', 'apiVersion: v1\n\u0000\u0001\u0002'.repeat(1000)],
  ];
  for (const [label, text] of hostile) report(`hostile: ${label}`, timeOnce(() => loadManifestText(text, 'h.yaml')), 'ms', '≤ 100 ms');

  const times = mutatedInputs(2000).map((text) => timeOnce(() => loadManifestText(text, 'm.yaml')));
  times.sort((a, b) => a - b);
  report('2,000 mutated 200-line manifests: median', median(times), 'ms');
  report('2,000 mutated 200-line manifests: p99', times[Math.floor(times.length * 0.99)]!, 'ms');
  report('2,000 mutated 200-line manifests: max', times[times.length - 1]!, 'ms', '≤ 100 ms');
}
