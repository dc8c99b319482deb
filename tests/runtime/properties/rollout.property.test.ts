// Invariants Kubernetes guarantees for Deployments, checked at the end of every virtual instant of
// random runs (fast-check).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { simulate, parseScenarioText } from '../../../src/runtime/index.js';
import type { KubeObject, SimulationResult } from '../../../src/runtime/index.js';
import { formatJson } from '../../../src/runtime/output/json.js';
import { resolveFenceposts } from '../../../src/runtime/controllers/deployment/util.js';
import { isPodReady } from '../../../src/runtime/controllers/podutil.js';
import { deployment } from '../helpers.js';

const intOrPct = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '25%', '50%', '100%'));
const params = fc.record({ replicas: fc.integer({ min: 1, max: 10 }), maxSurge: intOrPct, maxUnavailable: intOrPct });

interface Snapshot {
  time: number;
  objects: Map<string, KubeObject>;
}

/** The cluster state at the end of every virtual instant, rebuilt from the timeline. */
function* instants(result: SimulationResult): Generator<Snapshot> {
  const objects = new Map<string, KubeObject>();
  const entries = result.timeline;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.type === 'DELETED') objects.delete(e.object.metadata.uid!);
    else objects.set(e.object.metadata.uid!, e.object);
    if (i === entries.length - 1 || entries[i + 1]!.time !== e.time) yield { time: e.time, objects };
  }
}

const ofKind = (s: Snapshot, kind: string) => [...s.objects.values()].filter((o) => o.kind === kind);
const active = (s: Snapshot) => ofKind(s, 'Pod').filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase));

function run(manifest: KubeObject, scenarioYaml: string, files: Record<string, KubeObject>, seed = 1): SimulationResult {
  const parsed = parseScenarioText(scenarioYaml, 'scenario.yaml');
  expect(parsed.problems).toEqual([]);
  return simulate({ manifests: [manifest], scenario: parsed.scenario!, seed, readManifest: (f) => [files[f]!] });
}

describe('Deployment rollout invariants', () => {
  it('during rolling updates: active pods ≤ replicas + maxSurge and available ≥ replicas − maxUnavailable', () => {
    fc.assert(
      fc.property(params, fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 4 }), (p, waits) => {
        const make = (image: string) => deployment({ replicas: p.replicas, maxSurge: p.maxSurge, maxUnavailable: p.maxUnavailable, image });
        const files: Record<string, KubeObject> = {};
        const steps = waits.map((w, i) => {
          files[`v${i + 1}.yaml`] = make(`app:${i + 1}`);
          return `  - wait: ${w}s\n  - apply: v${i + 1}.yaml\n`;
        });
        const result = run(make('app:0'), `nodes: 3\nsteps:\n  - wait: 30s\n${steps.join('')}`, files);
        const { surge, unavailable } = resolveFenceposts(p.maxSurge, p.maxUnavailable, p.replicas);
        const rolloutStart = result.steps[1]!.time;
        for (const s of instants(result)) {
          const pods = active(s);
          expect(pods.length).toBeLessThanOrEqual(p.replicas + surge);
          if (s.time >= rolloutStart) expect(pods.filter((x) => isPodReady(x)).length).toBeGreaterThanOrEqual(p.replicas - Math.min(unavailable, p.replicas));
        }
      }),
      { numRuns: 40 },
    );
  });

  const stepArb = fc.oneof(
    fc.integer({ min: 1, max: 30 }).map((s) => ({ kind: 'wait' as const, s })),
    fc.constant({ kind: 'image' as const }),
    fc.integer({ min: 0, max: 8 }).map((n) => ({ kind: 'scale' as const, n })),
    fc.constant({ kind: 'deletePod' as const }),
    fc.integer({ min: 1, max: 4 }).map((k) => ({ kind: 'removeNode' as const, k })),
  );

  it('with deletes, node removals, image changes and scaling: one controller owner per pod, the surge bound, and a clean end state', () => {
    fc.assert(
      fc.property(params, fc.array(stepArb, { maxLength: 8 }), (p, plan) => {
        let image = 0;
        let replicas = p.replicas;
        const removed = new Set<number>();
        const files: Record<string, KubeObject> = {};
        const make = () => deployment({ replicas, maxSurge: p.maxSurge, maxUnavailable: p.maxUnavailable, image: `app:${image}` });
        const lines: string[] = [];
        for (const st of plan) {
          if (st.kind === 'wait') lines.push(`  - wait: ${st.s}s`);
          if (st.kind === 'image') {
            image++;
            files[`v${image}.yaml`] = make();
            lines.push(`  - apply: v${image}.yaml`);
          }
          if (st.kind === 'scale') {
            replicas = st.n;
            lines.push(`  - scale: {kind: Deployment, name: web, replicas: ${st.n}}`);
          }
          if (st.kind === 'deletePod') lines.push('  - delete: {kind: Pod, selector: {matchLabels: {app: web}}, count: 1}');
          if (st.kind === 'removeNode' && !removed.has(st.k) && removed.size < 3) {
            removed.add(st.k);
            lines.push(`  - removeNode: node-${st.k}`);
          }
        }
        const initial = deployment({ replicas: p.replicas, maxSurge: p.maxSurge, maxUnavailable: p.maxUnavailable, image: 'app:0' });
        const result = run(initial, `nodes: 4\nsteps:\n${lines.map((l) => `${l}\n`).join('')}`, files);
        for (const s of instants(result)) {
          for (const pod of ofKind(s, 'Pod')) {
            expect((pod.metadata.ownerReferences ?? []).filter((r) => r.controller === true)).toHaveLength(1);
          }
          const d = ofKind(s, 'Deployment')[0]!;
          const want = d.spec.replicas as number;
          expect(active(s).length).toBeLessThanOrEqual(want + resolveFenceposts(p.maxSurge, p.maxUnavailable, want).surge);
        }
        const pods = result.items.filter((o) => o.kind === 'Pod' && !o.metadata.deletionTimestamp);
        expect(pods).toHaveLength(replicas);
        for (const pod of pods) {
          expect(isPodReady(pod)).toBe(true);
          expect(pod.spec.containers[0].image).toBe(`app:${image}`);
        }
        expect(result.settled).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('the same seed gives byte-identical -o json output', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 6 }), (seed, replicas) => {
        const files = { 'v2.yaml': deployment({ replicas, image: 'app:2' }) };
        const yaml = 'steps:\n  - wait: 5s\n  - apply: v2.yaml\n  - delete: {kind: Pod, selector: {matchLabels: {app: web}}, count: 1}\n';
        const a = formatJson(run(deployment({ replicas }), yaml, files, seed));
        const b = formatJson(run(deployment({ replicas }), yaml, files, seed));
        expect(a).toBe(b);
      }),
      { numRuns: 15 },
    );
  });
});
