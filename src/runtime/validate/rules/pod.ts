// Pod spec rules from pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers,
// validateContainerPorts, ValidateResourceRequirements, validateVolumeMounts).
import { parseQuantity } from '../../api/quantity.js';
import { closest } from '../../../util/suggest.js';
import { asText, quote } from '../../yaml/sanitize.js';
import type { Path, Reporter } from '../report.js';
import { isPlainObject } from '../schema-check.js';
import { checkName, checkPortName, suggestName } from './names.js';

export interface PodSpecRules {
  /** Allowed restartPolicy values; the first is the one to suggest. */
  restartPolicies: readonly string[];
  /** Job pods must say OnFailure or Never explicitly (the default, Always, is refused). */
  restartPolicyRequired?: boolean;
  /** Who imposes the restart policy rule, for the message (e.g. "a Deployment"). */
  owner: string;
  /** Names usable by volumeMounts besides spec.volumes (a StatefulSet's volumeClaimTemplates). */
  claimTemplates?: readonly string[];
}

const ALL_POLICIES = ['Always', 'OnFailure', 'Never'];

export function checkPodSpec(spec: unknown, path: Path, r: Reporter, rules: PodSpecRules): void {
  if (spec === undefined || spec === null) {
    // The types mark a template's spec optional, but the API server validates it as an empty PodSpec:
    // spec.containers: Required value (pkg/apis/core/validation ValidatePodTemplateSpec).
    r.error('required', path, 'the pod template has no spec', 'Add "spec:" with "containers:", each with a name and an image.');
    return;
  }
  if (!isPlainObject(spec)) return;
  checkRestartPolicy(spec['restartPolicy'], path, r, rules);
  const volumes = checkVolumes(spec['volumes'], [...path, 'volumes'], r);
  const mountable = [...volumes, ...(rules.claimTemplates ?? [])];
  const containers = spec['containers'];
  if (Array.isArray(containers) && containers.length === 0) {
    r.error('containers-required', [...path, 'containers'], 'a Pod needs at least one container', 'Add a container with a name and an image under containers.');
  }
  const seen = new Set<string>();
  for (const group of ['initContainers', 'containers'] as const) {
    const list = spec[group];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (isPlainObject(c)) checkContainer(c, [...path, group, i], r, { seen, mountable });
    });
  }
}

function checkRestartPolicy(policy: unknown, path: Path, r: Reporter, rules: PodSpecRules): void {
  const at = [...path, 'restartPolicy'];
  if (policy === undefined || policy === null) {
    if (rules.restartPolicyRequired) {
      r.error('restart-policy', at, `${rules.owner} needs restartPolicy OnFailure or Never (the default, Always, is not allowed)`, 'Add "restartPolicy: Never" (or OnFailure) to the pod template spec.');
    }
    return;
  }
  if (typeof policy !== 'string') return;
  if (!ALL_POLICIES.includes(policy)) {
    const guess = closest(policy, ALL_POLICIES);
    r.error('restart-policy', at, `restartPolicy ${quote(policy)} is not supported`, guess ? `Did you mean "${guess}"? Values: ${rules.restartPolicies.join(', ')}.` : `Use one of ${rules.restartPolicies.join(', ')}.`, 'value');
  } else if (!rules.restartPolicies.includes(policy)) {
    r.error('restart-policy', at, `${rules.owner} only allows restartPolicy ${rules.restartPolicies.join(' or ')}, not ${policy}`, `Set "restartPolicy: ${rules.restartPolicies[0]}" or remove the line${rules.restartPolicyRequired ? '' : ' (the default is Always)'}.`, 'value');
  }
}

function checkVolumes(volumes: unknown, path: Path, r: Reporter): string[] {
  const names: string[] = [];
  if (!Array.isArray(volumes)) return names;
  volumes.forEach((v, i) => {
    if (!isPlainObject(v) || typeof v['name'] !== 'string') return;
    const name = v['name'];
    const problem = checkName(name, 'dns1123-label');
    if (problem) r.error('volume-name', [...path, i, 'name'], `volume name ${quote(name)} ${problem}`, `Use a name such as "${suggestName(name)}".`, 'value');
    if (names.includes(name)) r.error('volume-duplicate', [...path, i, 'name'], `volume name ${quote(name)} is used twice`, 'Give each volume a unique name.', 'value');
    names.push(name);
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (sources.length > 1) r.error('volume-sources', [...path, i], `volume ${quote(name)} has ${sources.length} sources (${sources.join(', ')})`, 'A volume has exactly one source such as emptyDir, configMap or persistentVolumeClaim.');
  });
  return names;
}

interface ContainerScope {
  seen: Set<string>;
  mountable: string[];
}

function checkContainer(c: Record<string, unknown>, path: Path, r: Reporter, scope: ContainerScope): void {
  const name = c['name'];
  if (typeof name === 'string') {
    const problem = checkName(name, 'dns1123-label');
    if (problem) r.error('container-name', [...path, 'name'], `container name ${quote(name)} ${problem}`, `Use a name such as "${suggestName(name)}".`, 'value');
    if (scope.seen.has(name)) r.error('container-duplicate', [...path, 'name'], `container name ${quote(name)} is used twice in this Pod`, 'Give each container a unique name.', 'value');
    scope.seen.add(name);
  }
  const image = c['image'];
  if (image === undefined || image === null || image === '') {
    r.error('image-required', [...path, 'image'], 'the container has no image', 'Add "image: nginx:1.27" (the image to run) to the container.');
  } else if (typeof image === 'string' && image.trim() !== image) {
    r.error('image-format', [...path, 'image'], `image ${quote(image)} has spaces around it`, 'Remove the leading and trailing spaces.', 'value');
  }
  checkPorts(c['ports'], [...path, 'ports'], r);
  checkEnv(c['env'], [...path, 'env'], r);
  checkResources(c['resources'], [...path, 'resources'], r);
  checkMounts(c['volumeMounts'], [...path, 'volumeMounts'], r, scope.mountable);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) checkProbe(c[probe], [...path, probe], r);
  const policy = c['imagePullPolicy'];
  if (typeof policy === 'string' && !['Always', 'IfNotPresent', 'Never'].includes(policy)) {
    r.error('image-pull-policy', [...path, 'imagePullPolicy'], `imagePullPolicy ${quote(policy)} is not supported`, 'Use Always, IfNotPresent or Never.', 'value');
  }
}

// Port names are unique within a container (validateContainerPorts).
// validateEnv: names as IsEnvVarName, and value and valueFrom are exclusive.
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function checkEnv(env: unknown, path: Path, r: Reporter): void {
  if (!Array.isArray(env)) return;
  const names = new Set<string>();
  env.forEach((e, i) => {
    if (!isPlainObject(e)) return;
    const name = e['name'];
    if (typeof name === 'string') {
      if (!ENV_NAME.test(name)) r.error('env-name', [...path, i, 'name'], `environment variable name ${quote(name)} is not valid`, "Use letters, digits, '_', '-' or '.', not starting with a digit, e.g. LOG_LEVEL.", 'value');
      else if (names.has(name)) r.warn('env-duplicate', [...path, i, 'name'], `environment variable ${quote(name)} is set twice`, 'The last one wins; remove the other.');
      names.add(name);
    }
    if (typeof e['value'] === 'string' && e['value'] !== '' && e['valueFrom'] != null) {
      r.error('env-value-and-from', [...path, i, 'valueFrom'], 'value and valueFrom cannot both be set', 'Keep one: a literal value, or valueFrom to read it from a ConfigMap, Secret or field.');
    }
  });
}

function checkPorts(ports: unknown, path: Path, r: Reporter): void {
  if (!Array.isArray(ports)) return;
  const seen = new Set<string>();
  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (!isPlainObject(p)) return;
    const at = [...path, i];
    checkPortNumber(p['containerPort'], [...at, 'containerPort'], r, 1);
    checkPortNumber(p['hostPort'], [...at, 'hostPort'], r, 0);
    const protocol = p['protocol'];
    if (typeof protocol === 'string' && !['TCP', 'UDP', 'SCTP'].includes(protocol)) {
      r.error('port-protocol', [...at, 'protocol'], `protocol ${quote(protocol)} is not supported`, 'Use TCP, UDP or SCTP (upper case).', 'value');
    }
    const name = p['name'];
    if (typeof name === 'string') {
      const problem = checkPortName(name);
      if (problem) r.error('port-name', [...at, 'name'], `port name ${quote(name)} ${problem}`, 'Port names are short, such as "http" or "metrics".', 'value');
      else if (names.has(name)) r.error('port-duplicate', [...at, 'name'], `port name ${quote(name)} is used twice in this container`, 'Give each port a unique name.', 'value');
      names.add(name);
    }
    const key = `${asText(p['containerPort'])}/${asText(protocol ?? 'TCP')}`;
    if (seen.has(key)) r.warn('port-duplicate', [...at, 'containerPort'], `containerPort ${key} is listed twice in this container`, 'Remove the duplicate entry.');
    seen.add(key);
  });
}

/** A port given as a string is a port name (IntOrString): "8080" in quotes is not a number. */
export function checkNamedPort(value: string, path: Path, r: Reporter, field: string): void {
  if (/^\d+$/.test(value)) {
    r.error('port-name', path, `${field} ${quote(value)} is a quoted number, which Kubernetes reads as a port name`, `Remove the quotes: ${field}: ${value}.`, 'value');
    return;
  }
  const problem = checkPortName(value);
  if (problem) r.error('port-name', path, `${field} ${quote(value)}: a port name ${problem}`, 'Use a port number or the name of a container port, such as "http".', 'value');
}

export function checkPortNumber(value: unknown, path: Path, r: Reporter, min: 0 | 1): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) return;
  if (value < min || value > 65535) {
    r.error('port-range', path, `port ${value} is out of range`, `A port number is between ${min === 0 ? '1 (or 0 for none)' : '1'} and 65535.`, 'value');
  }
}

function checkResources(res: unknown, path: Path, r: Reporter): void {
  if (!isPlainObject(res)) return;
  const requests = isPlainObject(res['requests']) ? res['requests'] : {};
  const limits = isPlainObject(res['limits']) ? res['limits'] : {};
  for (const [group, map] of [['requests', requests], ['limits', limits]] as const) {
    for (const [name, q] of Object.entries(map)) {
      const value = typeof q === 'string' || typeof q === 'number' ? parseQuantity(q) : undefined;
      if (value !== undefined && value < 0) r.error('quantity', [...path, group, name], `${group}.${name} must not be negative`, 'Use a positive quantity.', 'value');
      if (!name.includes('/') && !['cpu', 'memory', 'ephemeral-storage', 'storage'].includes(name) && !name.startsWith('hugepages-')) {
        const guess = closest(name, ['cpu', 'memory', 'ephemeral-storage']);
        r.error('resource-name', [...path, group, name], `unknown resource ${quote(name)}`, guess ? `Did you mean "${guess}"?` : 'Standard resources are cpu, memory and ephemeral-storage.');
      }
    }
  }
  for (const [name, req] of Object.entries(requests)) {
    const lim = limits[name];
    const rv = typeof req === 'string' || typeof req === 'number' ? parseQuantity(req) : undefined;
    const lv = typeof lim === 'string' || typeof lim === 'number' ? parseQuantity(lim) : undefined;
    if (rv !== undefined && lv !== undefined && rv > lv) {
      r.error('requests-exceed-limits', [...path, 'requests', name], `the ${name} request (${asText(req)}) is larger than its limit (${asText(lim)})`, `Lower requests.${name} or raise limits.${name}: a request must be less than or equal to the limit.`, 'value');
    }
  }
}

function checkMounts(mounts: unknown, path: Path, r: Reporter, mountable: string[]): void {
  if (!Array.isArray(mounts)) return;
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    if (!isPlainObject(m)) return;
    const name = m['name'];
    if (typeof name === 'string' && !mountable.includes(name)) {
      const guess = closest(name, mountable);
      const hint = guess ? `Did you mean "${guess}"?` : mountable.length ? `Mount one of: ${mountable.join(', ')}.` : 'Declare the volume under the pod spec\'s volumes (or, in a StatefulSet, volumeClaimTemplates).';
      r.error('volume-mount-unknown', [...path, i, 'name'], `volumeMount refers to a volume ${quote(name)} that is not declared`, hint, 'value');
    }
    const mountPath = m['mountPath'];
    if (typeof mountPath === 'string') {
      if (paths.has(mountPath)) r.error('mount-path-duplicate', [...path, i, 'mountPath'], `mountPath ${quote(mountPath)} is used twice`, 'Mount each volume at a different path.', 'value');
      paths.add(mountPath);
    }
  });
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

function checkProbe(probe: unknown, path: Path, r: Reporter): void {
  if (!isPlainObject(probe)) return;
  const handlers = HANDLERS.filter((h) => probe[h] !== undefined && probe[h] !== null);
  if (handlers.length === 0) r.error('probe-handler', path, 'the probe has no check', 'Add one of exec, httpGet, tcpSocket or grpc.');
  if (handlers.length > 1) r.error('probe-handler', path, `the probe has ${handlers.length} checks (${handlers.join(', ')})`, 'Keep exactly one of them.');
  for (const h of ['httpGet', 'tcpSocket'] as const) {
    const port = isPlainObject(probe[h]) ? probe[h]['port'] : undefined;
    checkPortNumber(port, [...path, h, 'port'], r, 1);
    if (typeof port === 'string') checkNamedPort(port, [...path, h, 'port'], r, 'port');
  }
  for (const field of ['periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold']) {
    const v = probe[field];
    if (typeof v === 'number' && v < 1) r.error('probe-range', [...path, field], `${field} must be at least 1`, `Set ${field} to 1 or more, or remove it for the default.`, 'value');
  }
  const delay = probe['initialDelaySeconds'];
  if (typeof delay === 'number' && delay < 0) r.error('probe-range', [...path, 'initialDelaySeconds'], 'initialDelaySeconds must not be negative', 'Use 0 or more.', 'value');
}
