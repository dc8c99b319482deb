// ObjectMeta rules (apimachinery/pkg/api/validation/objectmeta.go) and label selectors
// (apimachinery/pkg/apis/meta/v1/validation).
import { quote } from '../../yaml/sanitize.js';
import type { Path, Reporter } from '../report.js';
import { isPlainObject } from '../schema-check.js';
import { checkLabelValue, checkName, checkQualifiedName, suggestName, type NameRule } from './names.js';

/** How each kind's name is validated upstream (pkg/apis/<group>/validation Validate<Kind>Name). */
const NAME_RULES: Record<string, NameRule> = {
  Service: 'dns1035-label',
  Namespace: 'dns1123-label',
};

/** CronJob names leave room for the 11-character suffix of the Jobs it creates (batch validation). */
const MAX_NAME: Record<string, number> = { CronJob: 52, Job: 63 };

export function checkMetadata(kind: string, meta: Record<string, unknown>, r: Reporter): void {
  const name = meta['name'];
  const generateName = meta['generateName'];
  if ((name === undefined || name === null || name === '') && !generateName) {
    r.error('name-required', ['metadata'], 'metadata.name is missing', 'Give the object a name: add "name: my-app" under metadata.');
  } else if (typeof name === 'string') {
    checkObjectName(kind, name, ['metadata', 'name'], r);
  }
  const namespace = meta['namespace'];
  if (typeof namespace === 'string') {
    const problem = checkName(namespace, 'dns1123-label');
    if (problem) r.error('namespace-name', ['metadata', 'namespace'], `namespace ${quote(namespace)} ${problem}`, `Use a lower-case name such as "${suggestName(namespace)}".`, 'value');
  }
  checkLabels(meta['labels'], ['metadata', 'labels'], r);
  checkAnnotations(meta['annotations'], ['metadata', 'annotations'], r);
}

export function checkObjectName(kind: string, name: string, path: Path, r: Reporter): void {
  const rule = NAME_RULES[kind] ?? 'dns1123-subdomain';
  const problem = checkName(name, rule);
  if (problem) {
    r.error('name-format', path, `name ${quote(name)} ${problem}`, `Use a lower-case name such as "${suggestName(name, rule)}".`, 'value');
    return;
  }
  const max = MAX_NAME[kind];
  if (max !== undefined && name.length > max) {
    const why = kind === 'CronJob' ? 'the Jobs it creates add an 11-character suffix' : 'it becomes the job-name label of its Pods';
    r.error('name-format', path, `name ${quote(name)} must be no more than ${max} characters for a ${kind}: ${why}`, `Shorten the name to ${max} characters or fewer.`, 'value');
  }
}

export function checkLabels(labels: unknown, path: Path, r: Reporter): void {
  if (!isPlainObject(labels)) return;
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = checkQualifiedName(key);
    if (keyProblem) r.error('label-key', [...path, key], `label key ${quote(key)}: ${keyProblem}`, 'Label keys look like "app" or "example.com/tier".');
    if (typeof value === 'string') {
      const valueProblem = checkLabelValue(value);
      if (valueProblem) r.error('label-value', [...path, key], `label value ${quote(value)} ${valueProblem}`, 'Label values are short identifiers such as "web" or "v1.2"; put free text in an annotation.', 'value');
    }
  }
}

function checkAnnotations(annotations: unknown, path: Path, r: Reporter): void {
  if (!isPlainObject(annotations)) return;
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    const keyProblem = checkQualifiedName(key);
    if (keyProblem) r.error('annotation-key', [...path, key], `annotation key ${quote(key)}: ${keyProblem}`, 'Annotation keys look like "description" or "example.com/owner".');
    size += key.length + (typeof value === 'string' ? value.length : 0);
  }
  if (size > 256 * 1024) r.error('annotations-too-large', path, 'annotations total more than 256 KiB', 'Keep large data in a ConfigMap instead.');
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** A LabelSelector's syntax; returns false when it is structurally unusable. */
export function checkSelector(selector: unknown, path: Path, r: Reporter): void {
  if (!isPlainObject(selector)) return;
  checkLabels(selector['matchLabels'], [...path, 'matchLabels'], r);
  const exprs = selector['matchExpressions'];
  if (!Array.isArray(exprs)) return;
  exprs.forEach((e, i) => {
    if (!isPlainObject(e)) return;
    const at = [...path, 'matchExpressions', i];
    const op = e['operator'];
    const values = e['values'];
    if (typeof e['key'] === 'string') {
      const keyProblem = checkQualifiedName(e['key']);
      if (keyProblem) r.error('label-key', [...at, 'key'], `label key ${quote(e['key'])}: ${keyProblem}`, 'Label keys look like "app" or "example.com/tier".', 'value');
    }
    if (typeof op !== 'string') return;
    if (!OPERATORS.includes(op)) {
      const ci = OPERATORS.find((o) => o.toLowerCase() === op.toLowerCase());
      r.error('selector-operator', [...at, 'operator'], `operator ${quote(op)} is not supported`, ci ? `Write "${ci}" (operators are case-sensitive).` : `Use one of ${OPERATORS.join(', ')}.`, 'value');
      return;
    }
    const count = Array.isArray(values) ? values.length : 0;
    if ((op === 'In' || op === 'NotIn') && count === 0) {
      r.error('selector-values', [...at, values === undefined ? 'operator' : 'values'], `operator ${op} needs at least one value`, 'Add "values: [a, b]", or use Exists to match any value.');
    }
    if ((op === 'Exists' || op === 'DoesNotExist') && count > 0) {
      r.error('selector-values', [...at, 'values'], `operator ${op} must have no values`, `Remove "values", or use ${op === 'Exists' ? 'In' : 'NotIn'} to compare with values.`);
    }
    if (Array.isArray(values)) {
      values.forEach((v, j) => {
        const problem = typeof v === 'string' ? checkLabelValue(v) : undefined;
        if (problem) r.error('label-value', [...at, 'values', j], `label value ${quote(v)} ${problem}`, 'Label values are short identifiers such as "web".', 'value');
      });
    }
  });
}

/** Does the selector select these labels? (matchLabels AND every expression). */
export function selectorMatches(selector: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  const matchLabels = isPlainObject(selector['matchLabels']) ? selector['matchLabels'] : {};
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  const exprs = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : [];
  for (const e of exprs) {
    if (!isPlainObject(e) || typeof e['key'] !== 'string') continue;
    const has = Object.hasOwn(labels, e['key']);
    const values = Array.isArray(e['values']) ? e['values'] : [];
    const value = labels[e['key']];
    switch (e['operator']) {
      case 'In': if (!has || !values.includes(value)) return false; break;
      case 'NotIn': if (has && values.includes(value)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
    }
  }
  return true;
}

export function selectorIsEmpty(selector: Record<string, unknown>): boolean {
  const ml = selector['matchLabels'];
  const me = selector['matchExpressions'];
  return !(isPlainObject(ml) && Object.keys(ml).length > 0) && !(Array.isArray(me) && me.length > 0);
}
