import { describe, it, expect } from 'vitest';
import { parseScenarioText, parseScenarioValue, manifestFiles } from '../../../src/runtime/index.js';

describe('scenario parser', () => {
  it('reads nodes, pod rules and steps with durations in ms', () => {
    const { scenario, problems } = parseScenarioText(
      [
        'start: "2030-06-01T12:00:00Z"',
        'nodes:',
        '  - name: node-1',
        '    labels: {disktype: ssd}',
        '    taints: [{key: dedicated, value: infra, effect: NoSchedule}]',
        '    capacity: {cpu: "2", memory: 8Gi}',
        'pods:',
        '  - selector: {matchLabels: {job-name: pi}}',
        '    runFor: 1m30s',
        '    exitCode: 0',
        '    failTimes: 2',
        'steps:',
        '  - wait: 30s',
        '  - apply: rollout.yaml',
        '  - scale: {kind: Deployment, name: web, replicas: 5}',
        '  - delete: {kind: Pod, selector: {matchLabels: {app: web}}, count: 1}',
        '  - removeNode: node-1',
      ].join('\n'),
      'sc.yaml',
    );
    expect(problems).toEqual([]);
    expect(scenario!.start).toBe(Date.UTC(2030, 5, 1, 12));
    expect(scenario!.nodes![0]).toEqual({ name: 'node-1', labels: { disktype: 'ssd' }, taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }], capacity: { cpu: '2', memory: '8Gi' } });
    expect(scenario!.pods[0]).toEqual({ selector: { matchLabels: { 'job-name': 'pi' } }, runFor: 90_000, exitCode: 0, failTimes: 2 });
    expect(scenario!.steps.map((s) => s.type)).toEqual(['wait', 'apply', 'scale', 'delete', 'removeNode']);
    expect(scenario!.steps[0]!.args).toBe(30_000);
    expect(manifestFiles(scenario!)).toEqual(['rollout.yaml']);
  });

  it('nodes: N means node-1..node-N', () => {
    expect(parseScenarioText('nodes: 2', 's.yaml').scenario!.nodes!.map((n) => n.name)).toEqual(['node-1', 'node-2']);
  });

  it('reports a malformed step with file:line:column and field path', () => {
    const { scenario, problems } = parseScenarioText('steps:\n  - wait: 30s\n  - scale: {kind: Deployment, name: web, replicas: lots}\n', 'sc.yaml');
    expect(scenario).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'sc.yaml', line: 3, path: 'steps[1].scale.replicas', severity: 'error' });
    expect(problems[0]!.column).toBeGreaterThan(1);
  });

  it('suggests the step meant by a typo', () => {
    const { problems } = parseScenarioText('steps:\n  - wiat: 5s\n', 'sc.yaml');
    expect(problems[0]!.message).toContain('did you mean "wait"');
    expect(problems[0]).toMatchObject({ line: 2, column: 5 });
  });

  it('reports every problem, not just the first', () => {
    const { problems } = parseScenarioText('settle: maybe\nnodes: -1\npods:\n  - runFor: 5s\nextra: 1\n', 'sc.yaml');
    expect(problems.map((p) => p.path).sort()).toEqual(['extra', 'nodes', 'pods[0]', 'settle'].sort());
  });

  it('refuses an alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'steps: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
    const { scenario, problems } = parseScenarioText(bomb, 'bomb.yaml');
    expect(scenario).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
  });

  it('refuses a file over 5 MiB', () => {
    const { scenario, problems } = parseScenarioText(`steps: []\n#${'x'.repeat(5 * 1024 * 1024)}`, 'big.yaml');
    expect(scenario).toBeUndefined();
    expect(problems[0]!.message).toMatch(/larger than 5 MiB/);
  });

  it('an empty file is an empty scenario that settles', () => {
    expect(parseScenarioText('', 's.yaml').scenario).toEqual({ settle: true, pods: [], steps: [] });
  });
});

describe('scenario held as data (a lesson pack exercise)', () => {
  it('reads the same scenario as the YAML text it came from (steps without a line to point at)', () => {
    const text = ['nodes: 2', 'pods:', '  - {selector: {matchLabels: {app: web}}, runFor: 10s}', 'steps:', '  - wait: 1m', '  - removeNode: node-2'].join('\n');
    const data = { nodes: 2, pods: [{ selector: { matchLabels: { app: 'web' } }, runFor: '10s' }], steps: [{ wait: '1m' }, { removeNode: 'node-2' }] };
    const withoutPlace = ({ line: _l, column: _c, ...step }: { line: number; column: number }) => step;
    const fromText = parseScenarioText(text, 'exercise.yaml').scenario!;
    const fromData = parseScenarioValue(data, 'exercise.yaml').scenario!;
    expect({ ...fromData, steps: fromData.steps.map(withoutPlace) }).toEqual({ ...fromText, steps: fromText.steps.map(withoutPlace) });
  });

  it('keeps a string a string (no second YAML reading turns `yes` into true)', () => {
    const { scenario } = parseScenarioValue({ steps: [{ relabelNode: { name: 'node-1', labels: { ssd: 'yes' } } }] }, 'exercise.yaml');
    expect(JSON.stringify(scenario!.steps[0]!.args)).toContain('"ssd":"yes"');
  });

  it('names the field of each problem by its path', () => {
    const { scenario, problems } = parseScenarioValue({ steps: [{ wait: '1m' }, { scale: { kind: 'Deployment', name: 'web', replicas: -1 } }] }, 'exercise.yaml');
    expect(scenario).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(['steps[1].scale.replicas']);
  });
});
