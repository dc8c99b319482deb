import { describe, expect, test } from 'vitest';
import { explainField, formatProblem, loadManifestText, problemAsJson, validateUpdate } from '../../../src/runtime/validate/index.js';
import type { KubeObject } from '../../../src/runtime/api/types.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe('loadManifestText', () => {
  test('returns objects as written, without defaults, with their position', () => {
    const { objects } = loadManifestText(DEPLOYMENT, 'd.yaml', { advice: false });
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatchObject({ file: 'd.yaml', line: 1, column: 1, docIndex: 0 });
    expect(objects[0]!.object.spec.strategy).toBeUndefined();
  });

  test('reports every problem in the file at once, in file order', () => {
    const text = DEPLOYMENT.replace('replicas: 3', 'replicas: -3').replace('name: web\n        image', 'name: Web\n        image');
    const { objects, problems } = loadManifestText(text, 'd.yaml', { advice: false });
    expect(objects).toEqual([]);
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['range', 6], ['container-name', 14]]);
  });

  test('objects of a List are located inside the list', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n';
    const { objects } = loadManifestText(text, 'l.yaml');
    expect(objects[0]).toMatchObject({ line: 4, column: 3 });
  });

  test('problems carry the fields of the simulate -o json errors', () => {
    const { problems } = loadManifestText(DEPLOYMENT.replace('replicas: 3', 'replica: 3'), 'd.yaml', { advice: false });
    expect(problems[0]).toMatchObject({ file: 'd.yaml', line: 6, column: 3, kind: 'Deployment', name: 'web', path: 'spec.replica' });
  });

  test('advice is given as warnings and can be switched off', () => {
    const withAdvice = loadManifestText(DEPLOYMENT.replace('nginx:1.27', 'nginx'), 'd.yaml');
    expect(withAdvice.problems.some((p) => p.severity === 'warning' && p.rule === 'advice-image-tag')).toBe(true);
    expect(withAdvice.objects).toHaveLength(1);
    expect(loadManifestText(DEPLOYMENT.replace('nginx:1.27', 'nginx'), 'd.yaml', { advice: false }).problems).toEqual([]);
  });

  test('a StatefulSet without its headless Service gets advice', () => {
    const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: postgres:16}]}\n';
    expect(loadManifestText(sts, 's.yaml').problems.some((p) => p.rule === 'advice-headless-service' && p.line === 5)).toBe(true);
  });

  test('names with escape sequences are never returned raw', () => {
    const { problems } = loadManifestText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "a\\e[2Jb"}\n', 'c.yaml');
    const text = problems.map((p) => formatProblem(p)).join('\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(text).not.toContain('\u001b');
  });
});

describe('formatProblem', () => {
  test('file:line:col: severity: Kind/name path: what. how', () => {
    const { problems } = loadManifestText(DEPLOYMENT.replace('replicas: 3', 'replicas: three'), 'd.yaml', { advice: false });
    expect(formatProblem(problems[0]!)).toBe('d.yaml:6:13: error: Deployment/web spec.replicas: must be an integer, not the string "three". Write a number such as 3, without quotes.');
  });

  test('adds a code frame when given the source', () => {
    const text = DEPLOYMENT.replace('replicas: 3', 'replicas: three');
    const { problems } = loadManifestText(text, 'd.yaml', { advice: false });
    expect(formatProblem(problems[0]!, { source: text }).split('\n').slice(1)).toEqual(['  5 | spec:', '> 6 |   replicas: three', '    |             ^']);
  });
});

describe('explainField', () => {
  test('gives the type and API description of a field', () => {
    const e = explainField('Deployment', 'spec.template.spec.containers[0].image');
    expect(e?.type).toBe('string');
    expect(e?.description).toMatch(/[Cc]ontainer image name/);
  });

  test('lists and int-or-string are named', () => {
    expect(explainField('Deployment', 'spec.template.spec.containers')?.type).toBe('[]Object (Container)');
    expect(explainField('Deployment', 'spec.strategy.rollingUpdate.maxSurge')?.type).toBe('int-or-string');
  });

  test('unknown fields and kinds give undefined', () => {
    expect(explainField('Deployment', 'spec.replica')).toBeUndefined();
    expect(explainField('Ingress', 'spec')).toBeUndefined();
  });
});

describe('validateUpdate', () => {
  const old = loadManifestText(DEPLOYMENT, 'd.yaml').objects[0]!.object;
  const changed = (f: (o: KubeObject) => void): KubeObject => {
    const o = structuredClone(old);
    f(o);
    return o;
  };

  test('the selector of a Deployment is immutable', () => {
    const next = changed((o) => (o.spec.selector = { matchLabels: { app: 'api' } }));
    expect(validateUpdate(old, next, { file: 'd.yaml', line: 1, column: 1 }).map((p) => p.rule)).toEqual(['selector-immutable']);
  });

  test('changing replicas and the template is allowed', () => {
    const next = changed((o) => {
      o.spec.replicas = 5;
      o.spec.template.spec.containers[0].image = 'nginx:1.28';
    });
    expect(validateUpdate(old, next, { file: 'd.yaml', line: 1, column: 1 })).toEqual([]);
  });

  test('a StatefulSet serviceName cannot change', () => {
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 1 } };
    const next = { ...sts, spec: { serviceName: 'db2', replicas: 3 } };
    expect(validateUpdate(sts, next, { file: 's.yaml', line: 1, column: 1 }).map((p) => p.path)).toEqual(['spec.serviceName']);
  });
});

describe('escape sequences written as YAML escapes', () => {
  test('a value with an escape sequence is accepted with a warning, and shown escaped', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  motd: "\\e[31mred\\u202e"\n';
    const { objects, problems } = loadManifestText(text, 'c.yaml', { advice: false });
    expect(objects).toHaveLength(1);
    expect(problems.map((p) => [p.rule, p.severity, p.path, p.line])).toEqual([['control-characters', 'warning', 'data.motd', 5]]);
  });
});

describe('problemAsJson', () => {
  test('gives the simulate contract fields with the fix in the message', () => {
    const { problems } = loadManifestText(DEPLOYMENT.replace('replicas: 3', 'replica: 3'), 'd.yaml', { advice: false });
    expect(problemAsJson(problems[0]!)).toEqual({
      file: 'd.yaml',
      line: 6,
      column: 3,
      kind: 'Deployment',
      name: 'web',
      path: 'spec.replica',
      message: 'unknown field "replica" under spec. Did you mean "replicas"?',
      severity: 'error',
      rule: 'unknown-field',
    });
  });
});

describe('Lists', () => {
  test('a List must be apiVersion v1', () => {
    const { problems } = loadManifestText('apiVersion: apps/v1\nkind: List\nitems: []\n', 'l.yaml');
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['apiversion-wrong', 1]]);
  });
});
