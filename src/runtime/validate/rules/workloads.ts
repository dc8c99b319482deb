// apps/v1 rules from pkg/apis/apps/validation/validation.go: selector required, non-empty and matching
// the template's labels; replicas and history limits non-negative; update strategies; pods restart Always.
import { asText, quote } from '../../yaml/sanitize.js';
import type { Path, Reporter } from '../report.js';
import { isPlainObject } from '../schema-check.js';
import { checkLabels, checkSelector, selectorIsEmpty, selectorMatches } from './meta.js';
import { checkPodSpec } from './pod.js';
import { dig, intOrPercent, minimum, oneOf } from './common.js';

const OWNER: Record<string, string> = { Deployment: 'a Deployment', ReplicaSet: 'a ReplicaSet', StatefulSet: 'a StatefulSet', DaemonSet: 'a DaemonSet' };

/** selector + template checks shared by the four apps/v1 controllers (and Jobs with manualSelector). */
export function checkSelectorAndTemplate(kind: string, spec: Record<string, unknown>, r: Reporter, claimTemplates: string[] = []): void {
  const selector = spec['selector'];
  const template = spec['template'];
  const before = r.errorCount;
  checkSelector(selector, ['spec', 'selector'], r);
  const selectorValid = r.errorCount === before;
  const labels = dig(template, 'metadata', 'labels');
  checkLabels(labels, ['spec', 'template', 'metadata', 'labels'], r);
  if (isPlainObject(selector)) {
    if (selectorIsEmpty(selector)) {
      r.error('selector-empty', ['spec', 'selector'], `the selector of ${OWNER[kind] ?? kind} must not be empty`, 'Add "matchLabels:" with the labels of the pod template, e.g. app: web.');
    } else if (selectorValid && isPlainObject(template) && !selectorMatches(selector, isPlainObject(labels) ? labels : {})) {
      r.error('selector-mismatch', ['spec', 'selector'], 'the selector does not match the pod template\'s labels', `Make spec.template.metadata.labels include ${describeSelector(selector)}, or change the selector: ${OWNER[kind] ?? kind} only manages Pods its selector matches.`);
    }
  }
  if (template == null && kind === 'ReplicaSet') {
    // Optional in the generated types, required by ValidateReplicaSetSpec (pkg/apis/apps/validation).
    r.error('required', ['spec', 'template'], 'required field "template" is missing', 'Add "template:" with metadata.labels and a spec listing the containers of the Pods to create.');
  }
  if (isPlainObject(template)) {
    checkPodSpec(template['spec'], ['spec', 'template', 'spec'], r, { restartPolicies: ['Always'], owner: OWNER[kind] ?? kind, claimTemplates });
    // ValidatePodTemplateSpecForReplicaSet and friends: long-running Pods have no deadline.
    if (kind !== 'Job' && dig(template, 'spec', 'activeDeadlineSeconds') != null) {
      r.error('active-deadline', ['spec', 'template', 'spec', 'activeDeadlineSeconds'], `activeDeadlineSeconds is not supported in ${OWNER[kind] ?? kind}`, 'Remove it: Pods of a controller that keeps them running must not have a deadline (a Job can have one).');
    }
  }
}

function describeSelector(selector: Record<string, unknown>): string {
  const ml = isPlainObject(selector['matchLabels']) ? selector['matchLabels'] : {};
  const pairs = Object.entries(ml).map(([k, v]) => `${k}: ${asText(v)}`);
  return pairs.length ? quote(pairs.join(', '), 80) : 'the labels its matchExpressions require';
}

export function checkDeployment(spec: Record<string, unknown>, r: Reporter): void {
  checkReplicaFields(spec, r);
  checkSelectorAndTemplate('Deployment', spec, r);
  const strategy = spec['strategy'];
  if (isPlainObject(strategy)) {
    oneOf(strategy['type'], ['RollingUpdate', 'Recreate'], ['spec', 'strategy', 'type'], r, 'strategy type');
    if (strategy['type'] === 'Recreate' && strategy['rollingUpdate'] != null) {
      r.error('strategy-recreate', ['spec', 'strategy', 'rollingUpdate'], 'rollingUpdate may not be set when the strategy type is Recreate', 'Remove rollingUpdate, or change the type to RollingUpdate.');
    }
    checkRolling(strategy['rollingUpdate'], r, ['spec', 'strategy', 'rollingUpdate']);
  }
  const deadline = spec['progressDeadlineSeconds'];
  const minReady = spec['minReadySeconds'];
  minimum(deadline, 1, ['spec', 'progressDeadlineSeconds'], r, 'progressDeadlineSeconds');
  if (typeof deadline === 'number' && typeof minReady === 'number' && deadline <= minReady) {
    r.error('progress-deadline', ['spec', 'progressDeadlineSeconds'], `progressDeadlineSeconds (${deadline}) must be greater than minReadySeconds (${minReady})`, 'Raise progressDeadlineSeconds (default 600) above minReadySeconds.', 'value');
  }
}

function checkRolling(rolling: unknown, r: Reporter, path: string[], defaults: [number, number] = [1, 1]): void {
  if (!isPlainObject(rolling)) return;
  const surge = intOrPercent(rolling['maxSurge'], [...path, 'maxSurge'], r, 'maxSurge') ?? defaults[0];
  const unavailable = intOrPercent(rolling['maxUnavailable'], [...path, 'maxUnavailable'], r, 'maxUnavailable') ?? defaults[1];
  const mu = rolling['maxUnavailable'];
  if (typeof mu === 'string' && /^\d+%$/.test(mu) && parseInt(mu, 10) > 100) {
    r.error('range', [...path, 'maxUnavailable'], `maxUnavailable ${quote(mu)} must not be more than 100%`, 'Use a percentage between 0% and 100%.', 'value');
  }
  if (surge === 0 && unavailable === 0) {
    r.error('rolling-zero', path, 'maxSurge and maxUnavailable cannot both be 0: the rollout could never make progress', 'Allow at least one: e.g. maxSurge: 1 or maxUnavailable: 1.');
  }
}

function checkReplicaFields(spec: Record<string, unknown>, r: Reporter): void {
  minimum(spec['replicas'], 0, ['spec', 'replicas'], r, 'replicas');
  minimum(spec['minReadySeconds'], 0, ['spec', 'minReadySeconds'], r, 'minReadySeconds');
  minimum(spec['revisionHistoryLimit'], 0, ['spec', 'revisionHistoryLimit'], r, 'revisionHistoryLimit');
}

export function checkReplicaSet(spec: Record<string, unknown>, r: Reporter): void {
  checkReplicaFields(spec, r);
  checkSelectorAndTemplate('ReplicaSet', spec, r);
}

export function checkStatefulSet(spec: Record<string, unknown>, r: Reporter): void {
  checkReplicaFields(spec, r);
  oneOf(spec['podManagementPolicy'], ['OrderedReady', 'Parallel'], ['spec', 'podManagementPolicy'], r, 'podManagementPolicy');
  const strategy = spec['updateStrategy'];
  if (isPlainObject(strategy)) {
    oneOf(strategy['type'], ['RollingUpdate', 'OnDelete'], ['spec', 'updateStrategy', 'type'], r, 'updateStrategy type');
    const rolling = strategy['rollingUpdate'];
    if (isPlainObject(rolling)) {
      minimum(rolling['partition'], 0, ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], r, 'partition');
      intOrPercent(rolling['maxUnavailable'], ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], r, 'maxUnavailable');
    }
  }
  const claims: string[] = [];
  const vcts = spec['volumeClaimTemplates'];
  if (Array.isArray(vcts)) {
    vcts.forEach((t, i) => {
      const name = dig(t, 'metadata', 'name');
      if (typeof name === 'string') claims.push(name);
      else if (isPlainObject(t)) r.error('name-required', ['spec', 'volumeClaimTemplates', i, 'metadata'], 'the volume claim template has no name', 'Add "metadata: {name: data}"; containers mount it by this name.');
      if (isPlainObject(t)) checkClaimSpec(t['spec'], ['spec', 'volumeClaimTemplates', i, 'spec'], r);
    });
  }
  if (spec['serviceName'] === '') {
    r.error('required', ['spec', 'serviceName'], 'serviceName is empty', 'Set it to the name of the headless Service that gives the Pods their DNS names.');
  }
  checkSelectorAndTemplate('StatefulSet', spec, r, claims);
}

export function checkDaemonSet(spec: Record<string, unknown>, r: Reporter): void {
  minimum(spec['minReadySeconds'], 0, ['spec', 'minReadySeconds'], r, 'minReadySeconds');
  minimum(spec['revisionHistoryLimit'], 0, ['spec', 'revisionHistoryLimit'], r, 'revisionHistoryLimit');
  const strategy = spec['updateStrategy'];
  if (isPlainObject(strategy)) {
    oneOf(strategy['type'], ['RollingUpdate', 'OnDelete'], ['spec', 'updateStrategy', 'type'], r, 'updateStrategy type');
    checkRolling(strategy['rollingUpdate'], r, ['spec', 'updateStrategy', 'rollingUpdate'], [0, 1]);
  }
  checkSelectorAndTemplate('DaemonSet', spec, r);
}

/** PersistentVolumeClaim spec rules (core validation ValidatePersistentVolumeClaimSpec). */
export function checkClaimSpec(spec: unknown, path: Path, r: Reporter): void {
  if (!isPlainObject(spec)) {
    r.error('required', path, 'the claim has no spec', 'Add spec with accessModes and resources.requests.storage.');
    return;
  }
  const modes = spec['accessModes'];
  const valid = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
  if (!Array.isArray(modes) || modes.length === 0) {
    r.error('access-modes', [...path, 'accessModes'], 'at least one access mode is required', 'Add "accessModes: [ReadWriteOnce]".');
  } else {
    modes.forEach((m, i) => oneOf(m, valid, [...path, 'accessModes', i], r, 'access mode'));
  }
  const storage = dig(spec, 'resources', 'requests', 'storage');
  if (storage === undefined || storage === null) {
    r.error('storage-required', [...path, 'resources'], 'the claim does not request any storage', 'Add "resources: {requests: {storage: 1Gi}}".');
  }
}
