import { describe, expect, test } from 'vitest';
import { evaluateChecks } from '../../../src/course/checks/evaluate.js';
import { check } from '../check-parse.js';
import { event, obj, pod, sim } from '../timeline-helpers.js';

const web = { app: 'web' };
const running = (name: string, node = 'node-1') => pod(name, { labels: web, phase: 'Running', ready: true, node });

describe('count at the end', () => {
  const c = check(`- { select: { kind: Pod, selector: { app: web }, where: { phase: Running, ready: true } }, count: 3 }`);

  test('passes when exactly 3 pods with app=web are Running and Ready in the final state', () => {
    const s = sim([[0, 'ADDED', running('a')], [0, 'ADDED', running('b')], [1, 'ADDED', running('c')]]);
    const [out] = evaluateChecks([c], s);
    expect(out!.passed).toBe(true);
    expect(out!.observed).toContain('3 matched');
  });

  test('fails and names the pod that is not Ready, with a kubectl-style table', () => {
    const s = sim([[0, 'ADDED', running('a')], [0, 'ADDED', running('b')], [1, 'ADDED', pod('c', { labels: web, phase: 'Pending' })]]);
    const [out] = evaluateChecks([c], s);
    expect(out!.passed).toBe(false);
    expect(out!.observed).toMatch(/2 matched.*not counted: c \(phase=Pending, ready=false\)/);
    expect(out!.tables[0]!.columns).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE']);
    expect(out!.tables[0]!.rows.map((r) => r[0])).toEqual(['a', 'b', 'c']);
  });

  test('a pod deleted from the store no longer counts', () => {
    const a = running('a');
    const s = sim([[0, 'ADDED', a], [0, 'ADDED', running('b')], [0, 'ADDED', running('c')], [5, 'DELETED', a]]);
    expect(evaluateChecks([c], s)[0]!.passed).toBe(false);
  });
});

describe('time quantifiers', () => {
  const active = (n: number) => obj('Job', 'pi', { status: n ? { active: n } : {} });

  test('when: always fails at the first instant that breaks it and reports when', () => {
    const c = check(`- { select: { kind: Job, name: pi }, fields: { status.active: { max: 2 } }, when: always }`);
    const s = sim([[0, 'ADDED', active(1)], [5, 'MODIFIED', active(2)], [9, 'MODIFIED', active(3)], [12, 'MODIFIED', active(0)]]);
    const [out] = evaluateChecks([c], s);
    expect(out!.passed).toBe(false);
    expect(out!.at).toBe(s.start + 9000);
    expect(out!.observed).toContain('+9s');
    expect(out!.observed).toContain('status.active=3');
  });

  test('when: always treats an omitted zero count in status as 0 (Kubernetes omits empty counters)', () => {
    const c = check(`- { select: { kind: Job, name: pi }, fields: { status.active: { max: 2 } }, when: always }`);
    const s = sim([[0, 'ADDED', active(0)], [5, 'MODIFIED', active(2)], [12, 'MODIFIED', active(0)]]);
    expect(evaluateChecks([c], s)[0]!.passed).toBe(true);
  });

  test('an instant is evaluated after all changes at the same virtual time', () => {
    // The surge pod is created and an old one deleted in the same instant: never more than 3 at once.
    const c = check(`- { select: { kind: Pod, selector: { app: web } }, count: { max: 3 }, when: always }`);
    const a = running('a');
    const s = sim([[0, 'ADDED', a], [0, 'ADDED', running('b')], [0, 'ADDED', running('c')], [10, 'ADDED', running('d')], [10, 'DELETED', a]]);
    expect(evaluateChecks([c], s)[0]!.passed).toBe(true);
  });

  test('when: ever passes at the first instant it holds even if it no longer holds at the end', () => {
    const c = check(`- { select: { kind: Pod, selector: { app: web } }, count: 2, when: ever }`);
    const a = running('a');
    const s = sim([[0, 'ADDED', a], [3, 'ADDED', running('b')], [8, 'DELETED', a]]);
    const [out] = evaluateChecks([c], s);
    expect(out!.passed).toBe(true);
    expect(out!.at).toBe(s.start + 3000);
  });

  test('when: ever fails with the range of counts seen', () => {
    const c = check(`- { select: { kind: Pod, selector: { app: web } }, count: 3, when: ever }`);
    const s = sim([[0, 'ADDED', running('a')], [3, 'ADDED', running('b')]]);
    const [out] = evaluateChecks([c], s);
    expect(out!.passed).toBe(false);
    expect(out!.observed).toContain('between 1 and 2');
  });

  test('during limits always to the time between two scenario steps', () => {
    // Only 1 available pod before step 2 starts; from step 2 on, always at least 2.
    const c = check(`- { select: { kind: Pod, selector: { app: web }, where: { ready: true } }, count: { min: 2 }, when: always, during: { fromStep: 2 } }`);
    const s = sim([[0, 'ADDED', running('a')], [4, 'ADDED', running('b')], [20, 'ADDED', running('c')]], { steps: [0, 10] });
    expect(evaluateChecks([c], s)[0]!.passed).toBe(true);
    const early = check(`- { select: { kind: Pod, selector: { app: web }, where: { ready: true } }, count: { min: 2 }, when: always, during: { fromStep: 1 } }`);
    expect(evaluateChecks([early], s)[0]!.passed).toBe(false);
  });

  test('during includes the state already in effect when the window opens', () => {
    // Nothing changes after step 2 starts, but the state then has only 1 pod: always min 2 fails.
    const c = check(`- { select: { kind: Pod, selector: { app: web } }, count: { min: 2 }, when: always, during: { fromStep: 2 } }`);
    const s = sim([[0, 'ADDED', running('a')]], { steps: [0, 10], end: 30 });
    expect(evaluateChecks([c], s)[0]!.passed).toBe(false);
  });

  test('during toStep excludes changes made by that step', () => {
    const c = check(`- { select: { kind: Pod, selector: { app: web } }, count: { max: 1 }, when: always, during: { fromStep: 1, toStep: 2 } }`);
    const s = sim([[0, 'ADDED', running('a')], [10, 'ADDED', running('b')]], { steps: [0, 10] });
    expect(evaluateChecks([c], s)[0]!.passed).toBe(true);
  });

  test('a step number beyond the scenario fails with an explanation instead of passing', () => {
    const c = check(`- { select: { kind: Pod }, count: 1, when: ever, during: { fromStep: 5 } }`);
    const [out] = evaluateChecks([c], sim([[0, 'ADDED', running('a')]], { steps: [0] }));
    expect(out!.passed).toBe(false);
    expect(out!.observed).toContain('step 5 does not exist');
  });
});

describe('selections', () => {
  test('ownedBy follows ownership transitively: Deployment → ReplicaSet → Pod', () => {
    const d = obj('Deployment', 'web');
    const rs = obj('ReplicaSet', 'web-7d4b9', { owner: d });
    const c = check(`- { select: { kind: Pod, ownedBy: { kind: Deployment, name: web } }, count: 2 }`);
    const s = sim([[0, 'ADDED', d], [0, 'ADDED', rs], [1, 'ADDED', pod('web-7d4b9-aaaaa', { owner: rs })], [1, 'ADDED', pod('web-7d4b9-bbbbb', { owner: rs })], [1, 'ADDED', pod('bare')]]);
    expect(evaluateChecks([c], s)[0]!.passed).toBe(true);
  });

  test('matchExpressions selectors work like Kubernetes label selectors', () => {
    const c = check(`- { select: { kind: Pod, selector: { matchExpressions: [{ key: tier, operator: In, values: [front, back] }] } }, count: 2 }`);
    const s = sim([[0, 'ADDED', pod('a', { labels: { tier: 'front' } })], [0, 'ADDED', pod('b', { labels: { tier: 'back' } })], [0, 'ADDED', pod('c', { labels: { tier: 'db' } })]]);
    expect(evaluateChecks([c], s)[0]!.passed).toBe(true);
  });

  test('conditions.<Type> reads a status condition, and "True" matches an unquoted True', () => {
    const job = obj('Job', 'pi', { status: { succeeded: 5, conditions: [{ type: 'Complete', status: 'True' }] } });
    const c = check(`- { select: { kind: Job, name: pi, where: { conditions.Complete: True } }, fields: { status.succeeded: 5 } }`);
    expect(evaluateChecks([c], sim([[0, 'ADDED', job]]))[0]!.passed).toBe(true);
  });

  test('fields fails when nothing is selected, saying so', () => {
    const c = check(`- { select: { kind: Deployment, name: web }, fields: { spec.replicas: 3 } }`);
    const [out] = evaluateChecks([c], sim([[0, 'ADDED', running('a')]]));
    expect(out!.passed).toBe(false);
    expect(out!.observed).toBe('Deployment web does not exist at the end');
  });
});

describe('names and perNode', () => {
  test('names compares the set of names, reporting missing and unexpected ones', () => {
    const c = check(`- { select: { kind: Pod, namePrefix: mongo- }, names: [mongo-0, mongo-1, mongo-2] }`);
    const [out] = evaluateChecks([c], sim([[0, 'ADDED', pod('mongo-0')], [0, 'ADDED', pod('mongo-1')], [0, 'ADDED', pod('mongo-5')]]));
    expect(out!.passed).toBe(false);
    expect(out!.observed).toContain('missing mongo-2');
    expect(out!.observed).toContain('unexpected mongo-5');
  });

  test('perNode: exactly one DaemonSet pod on each node, the added node included', () => {
    const c = check(`- { select: { kind: Pod, selector: { app: fluentd } }, perNode: 1 }`);
    const f = (name: string, node: string) => pod(name, { labels: { app: 'fluentd' }, node, phase: 'Running' });
    const nodes = ['node-1', 'node-2', 'node-4'].map((n) => [0, 'ADDED', obj('Node', n)] as [number, 'ADDED', ReturnType<typeof obj>]);
    const ok = sim([...nodes, [1, 'ADDED', f('a', 'node-1')], [1, 'ADDED', f('b', 'node-2')], [2, 'ADDED', f('c', 'node-4')]]);
    expect(evaluateChecks([c], ok)[0]!.passed).toBe(true);
    const missing = sim([...nodes, [1, 'ADDED', f('a', 'node-1')], [1, 'ADDED', f('b', 'node-2')]]);
    const [out] = evaluateChecks([c], missing);
    expect(out!.passed).toBe(false);
    expect(out!.observed).toContain('node-4: 0');
  });

  test('perNode with nodes and elsewhere: 0 forbids pods on other nodes', () => {
    const c = check(`- { select: { kind: Pod }, perNode: 1, nodes: { selector: { pool: gpu } }, elsewhere: 0 }`);
    const s = sim([[0, 'ADDED', obj('Node', 'node-1', { labels: { pool: 'gpu' } })], [0, 'ADDED', obj('Node', 'node-2')], [1, 'ADDED', pod('a', { node: 'node-1' })], [1, 'ADDED', pod('b', { node: 'node-2' })]]);
    const [out] = evaluateChecks([c], s);
    expect(out!.passed).toBe(false);
    expect(out!.observed).toContain('other nodes: 1');
  });
});

describe('events and order', () => {
  test('event counts matching events and quotes them', () => {
    const c = check(`- { event: { reason: SuccessfulCreate, object: { kind: ReplicaSet, namePrefix: web- } }, count: { min: 4 } }`);
    const events = [1, 2, 3].map((i) => event(i, 'SuccessfulCreate', 'ReplicaSet', 'web-7d4b9', `Created pod: web-7d4b9-${i}`));
    const [out] = evaluateChecks([c], sim([[0, 'ADDED', pod('x')]], { events }));
    expect(out!.passed).toBe(false);
    expect(out!.observed).toContain('3 SuccessfulCreate events');
    expect(out!.events).toHaveLength(3);
  });

  test('repeated identical events (a crash loop back-off) are folded into one with a count', () => {
    const c = check(`- { select: { kind: Pod, name: x }, fields: { status.phase: Running } }`);
    const backoffs = [10, 20, 40, 80, 160].map((s) => event(s, 'BackOff', 'Pod', 'x', 'Back-off restarting failed container', 'Warning'));
    const [out] = evaluateChecks([c], sim([[0, 'ADDED', pod('x', { phase: 'Pending' })]], { events: [event(1, 'Scheduled', 'Pod', 'x'), ...backoffs], end: 200 }));
    expect(out!.events.map((e) => [e.reason, e.count])).toEqual([['Scheduled', undefined], ['BackOff', 5]]);
    expect(out!.events[1]!.time).toBe(backoffs[4]!.time);
  });

  test('no FailedScheduling event: count 0 passes when there is none', () => {
    const c = check(`- { event: { reason: FailedScheduling }, count: 0 }`);
    expect(evaluateChecks([c], sim([[0, 'ADDED', pod('x')]], { events: [event(1, 'Scheduled', 'Pod', 'x')] }))[0]!.passed).toBe(true);
  });

  const orderCheck = check(`
- order:
    - { select: { kind: Pod, name: mongo-0 }, state: Ready }
    - { select: { kind: Pod, name: mongo-1 }, state: Created }`);

  test('order: mongo-1 created only after mongo-0 was Ready passes for OrderedReady', () => {
    const s = sim([[0, 'ADDED', pod('mongo-0')], [2, 'MODIFIED', pod('mongo-0', { phase: 'Running', ready: true })], [2, 'ADDED', pod('mongo-1')]]);
    expect(evaluateChecks([orderCheck], s)[0]!.passed).toBe(true);
  });

  test('order: Parallel creation (mongo-1 before mongo-0 Ready) fails with both times', () => {
    const s = sim([[0, 'ADDED', pod('mongo-0')], [0, 'ADDED', pod('mongo-1')], [2, 'MODIFIED', pod('mongo-0', { phase: 'Running', ready: true })]]);
    const [out] = evaluateChecks([orderCheck], s);
    expect(out!.passed).toBe(false);
    expect(out!.observed).toContain('mongo-1 was Created at +0s, before mongo-0 was Ready');
  });

  test('order: a state never reached fails saying which', () => {
    const [out] = evaluateChecks([orderCheck], sim([[0, 'ADDED', pod('mongo-0')]]));
    expect(out!.passed).toBe(false);
    expect(out!.observed).toContain('never happened');
  });
});
