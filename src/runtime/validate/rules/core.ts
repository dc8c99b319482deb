// core/v1 kinds besides Pod templates: Pod, Service, PersistentVolumeClaim, ConfigMap, Secret
// (pkg/apis/core/validation/validation.go).
import { closest } from '../../../util/suggest.js';
import { asText, quote } from '../../yaml/sanitize.js';
import type { Reporter } from '../report.js';
import { isPlainObject } from '../schema-check.js';
import { checkLabels } from './meta.js';
import { checkNamedPort, checkPodSpec, checkPortNumber } from './pod.js';
import { oneOf } from './common.js';
import { checkClaimSpec } from './workloads.js';

export function checkPod(spec: Record<string, unknown>, r: Reporter): void {
  checkPodSpec(spec, ['spec'], r, { restartPolicies: ['Always', 'OnFailure', 'Never'], owner: 'a Pod' });
}

export function checkService(spec: Record<string, unknown>, r: Reporter): void {
  const type = spec['type'];
  oneOf(type, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], ['spec', 'type'], r, 'Service type');
  checkLabels(spec['selector'], ['spec', 'selector'], r);
  const ports = spec['ports'];
  const headless = spec['clusterIP'] === 'None';
  if ((!Array.isArray(ports) || ports.length === 0) && !headless && type !== 'ExternalName') {
    r.error('service-ports', ['spec', 'ports'], 'a Service needs at least one port', 'Add "ports: [{port: 80, targetPort: 8080}]" (or clusterIP: None for a headless Service).');
    return;
  }
  if (!Array.isArray(ports)) return;
  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (!isPlainObject(p)) return;
    const at = ['spec', 'ports', i];
    checkPortNumber(p['port'], [...at, 'port'], r, 1);
    const target = p['targetPort'];
    if (typeof target === 'number') checkPortNumber(target, [...at, 'targetPort'], r, 1);
    else if (typeof target === 'string') checkNamedPort(target, [...at, 'targetPort'], r, 'targetPort');
    if (p['nodePort'] !== undefined && type !== 'NodePort' && type !== 'LoadBalancer') {
      r.error('node-port', [...at, 'nodePort'], `nodePort needs a Service of type NodePort or LoadBalancer, not ${asText(type ?? 'ClusterIP')}`, 'Set "type: NodePort" or remove nodePort.');
    }
    const protocol = p['protocol'];
    if (typeof protocol === 'string' && !['TCP', 'UDP', 'SCTP'].includes(protocol)) {
      r.error('port-protocol', [...at, 'protocol'], `protocol ${quote(protocol)} is not supported`, 'Use TCP, UDP or SCTP (upper case).', 'value');
    }
    const name = p['name'];
    if (typeof name === 'string' && name !== '') {
      if (names.has(name)) r.error('port-duplicate', [...at, 'name'], `port name ${quote(name)} is used twice`, 'Give each port a unique name.', 'value');
      names.add(name);
    } else if (ports.length > 1) {
      r.error('port-name-required', [...at], 'every port needs a name when a Service has more than one', 'Add "name: http" (a unique short name) to each port.');
    }
  });
}

export function checkPersistentVolumeClaim(spec: Record<string, unknown>, r: Reporter): void {
  checkClaimSpec(spec, ['spec'], r);
}

// ConfigMap and Secret keys: IsConfigMapKey in apimachinery validation.
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export function checkConfigData(kind: 'ConfigMap' | 'Secret', obj: Record<string, unknown>, r: Reporter): void {
  const seen = new Set<string>();
  for (const field of ['data', 'binaryData', 'stringData']) {
    const data = obj[field];
    if (!isPlainObject(data)) continue;
    for (const [key, value] of Object.entries(data)) {
      if (!CONFIG_KEY.test(key) || key.length > 253 || key === '.' || key === '..') {
        r.error('config-key', [field, key], `key ${quote(key)} must consist of letters, digits, '-', '_' or '.'`, 'Keys become file names when mounted: use names such as "app.properties".');
      }
      if (field !== 'stringData' && seen.has(key)) r.error('config-key-duplicate', [field, key], `key ${quote(key)} appears in both data and binaryData`, 'Keep it in one of them.');
      seen.add(key);
      if (kind === 'Secret' && field === 'data' && typeof value === 'string' && !isBase64(value)) {
        r.error('secret-base64', [field, key], `the value of ${quote(key)} is not valid base64`, 'Values under data must be base64-encoded (echo -n value | base64); put plain text under stringData instead.', 'value');
      }
    }
  }
  const type = obj['type'];
  if (kind === 'Secret' && typeof type === 'string' && !type.includes('/') && type !== 'Opaque') {
    const guess = closest(type, ['Opaque']);
    if (guess) r.error('secret-type', ['type'], `Secret type ${quote(type)} is not a known type`, 'Did you mean "Opaque"?', 'value');
  }
}

function isBase64(value: string): boolean {
  const s = value.replace(/[\r\n]+/g, ''); // Go's base64 decoder skips line breaks only
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}
