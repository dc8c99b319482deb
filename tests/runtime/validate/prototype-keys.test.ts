// A mapping whose keys shadow Object.prototype (toString, valueOf, constructor) is ordinary YAML; the
// validator must answer it with a problem, never its own "could not check this file" safety net.
import { describe, expect, test } from 'vitest';
import { loadManifestText } from '../../../src/runtime/validate/index.js';

const deployment = (selectorValue: string, name = 'web', image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${selectorValue}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: ${image}
`;

describe('values that are mappings with prototype-named keys', () => {
  test.each([
    ['a selector value', deployment('{toString: {}}')],
    ['metadata.name', deployment('web', '{toString: {}}')],
    ['an image', deployment('web', 'web', '{valueOf: 1}')],
  ])('%s is reported as a wrong type, not an internal error', (_where, text) => {
    const { problems } = loadManifestText(text, 'f.yaml');
    expect(problems.filter((p) => p.rule === 'internal')).toEqual([]);
    expect(problems.some((p) => p.severity === 'error')).toBe(true);
  });
});

describe('an apiVersion or kind named after an Object.prototype member', () => {
  test.each(['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])('apiVersion %s is a wrong apiVersion, not an internal error', (name) => {
    const { problems } = loadManifestText(deployment('web').replace('apiVersion: apps/v1', `apiVersion: ${name}`), 'f.yaml');
    expect(problems.filter((p) => p.rule === 'internal')).toEqual([]);
    expect(problems.map((p) => p.rule)).toContain('apiversion-wrong');
  });

  test.each(['valueOf', 'constructor', '__proto__', 'toString'])('kind %s is an unknown kind, not an internal error', (name) => {
    const { problems } = loadManifestText(deployment('web').replace('kind: Deployment', `kind: ${name}`), 'f.yaml');
    expect(problems.filter((p) => p.rule === 'internal')).toEqual([]);
    expect(problems.map((p) => p.rule)).toContain('kind-unknown');
  });
});
