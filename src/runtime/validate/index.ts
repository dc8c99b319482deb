// Manifest text → validated Kubernetes objects with source positions, and every problem at once.
// Shared by `simulate`, `check`, `lint` and the TUI.
import type { KubeObject } from '../api/types.js';
import { parseYamlSafely, type ParsedDoc, type PathSegment } from '../yaml/index.js';
import type { Problem } from '../yaml/problem.js';
import { quote } from '../yaml/sanitize.js';
import { adviseObject } from './advice.js';
import { Reporter, type Locator } from './report.js';
import { checkValue, isPlainObject } from './schema-check.js';
import { checkKindAndVersion } from './versions.js';
import { checkMetadata } from './rules/meta.js';
import { checkDaemonSet, checkDeployment, checkReplicaSet, checkStatefulSet } from './rules/workloads.js';
import { checkCronJob, checkJob } from './rules/batch.js';
import { checkConfigData, checkPersistentVolumeClaim, checkPod, checkService } from './rules/core.js';
import { checkControlCharacters } from './rules/text.js';
import { ownEntry } from '../../util/own.js';

export type { Problem } from '../yaml/problem.js';
export { formatProblem, problemAsJson } from './format.js';
export { explainField } from './explain.js';
export { validateUpdate } from './update.js';

export interface LoadedObject {
  object: KubeObject;
  file: string;
  line: number;
  column: number;
  docIndex: number;
}

export interface LoadOptions {
  /** Report advice (warnings). Default true. */
  advice?: boolean;
}

const SPEC_RULES: Record<string, (spec: Record<string, unknown>, r: Reporter) => void> = {
  Deployment: checkDeployment,
  ReplicaSet: checkReplicaSet,
  StatefulSet: checkStatefulSet,
  DaemonSet: checkDaemonSet,
  Job: checkJob,
  CronJob: checkCronJob,
  Pod: checkPod,
  Service: checkService,
  PersistentVolumeClaim: checkPersistentVolumeClaim,
};

/**
 * Parses and validates a manifest file. Never throws. `objects` holds the objects without errors, as
 * written (no defaults applied); `problems` every error and warning, in file order.
 */
export function loadManifestText(text: string, file: string, opts: LoadOptions = {}): { objects: LoadedObject[]; problems: Problem[] } {
  try {
    return load(text, file, opts.advice ?? true);
  } catch {
    // A bug here must not become a stack trace for the learner.
    return { objects: [], problems: [{ severity: 'error', rule: 'internal', file, line: 1, column: 1, message: 'the validator could not check this file', hint: 'Please report this file to the course authors.' }] };
  }
}

function load(text: string, file: string, advice: boolean): { objects: LoadedObject[]; problems: Problem[] } {
  const parsed = parseYamlSafely(text, file);
  const problems = [...parsed.problems];
  const objects: LoadedObject[] = [];
  for (const doc of parsed.docs) {
    const locator: Locator = { file, positionOf: doc.positionOf, sourceOf: doc.sourceOf };
    if (isPlainObject(doc.value) && doc.value['kind'] === 'List') {
      loadList(doc, locator, advice, objects, problems);
    } else {
      loadOne(doc.value, doc, locator, [], advice, objects, problems);
    }
  }
  if (advice) adviseAcross(objects, parsed.docs, file, problems);
  if (objects.length === 0 && problems.length === 0) {
    problems.push({ severity: 'error', rule: 'no-objects', file, line: 1, column: 1, message: 'the file contains no Kubernetes objects', hint: 'Write a manifest such as "apiVersion: v1", "kind: Pod", metadata and spec.' });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { objects, problems };
}

function loadList(doc: ParsedDoc, locator: Locator, advice: boolean, objects: LoadedObject[], problems: Problem[]): void {
  const list = doc.value as Record<string, unknown>;
  const items = list['items'];
  const r = new Reporter(locator);
  r.kind = 'List';
  if (!Array.isArray(items)) {
    if (items != null) r.error('type', ['items'], 'items must be a list of objects', 'Start each object under items with "- ".', 'value');
    problems.push(...r.problems);
    return;
  }
  const apiVersion = list['apiVersion'];
  if (apiVersion === undefined || apiVersion === null) r.error('apiversion-missing', [], 'the List has no apiVersion', 'Add "apiVersion: v1".');
  else if (apiVersion !== 'v1') r.error('apiversion-wrong', ['apiVersion'], `List is served by v1, not ${quote(apiVersion)}`, 'Write "apiVersion: v1".', 'value');
  for (const key of Object.keys(list)) {
    if (!['apiVersion', 'kind', 'items', 'metadata'].includes(key)) r.error('unknown-field', [key], `unknown field ${quote(key)} in a List`, 'A List has apiVersion, kind, metadata and items only.');
  }
  problems.push(...r.problems);
  items.forEach((item, i) => loadOne(item, doc, locator, ['items', i], advice, objects, problems));
}

function loadOne(value: unknown, doc: ParsedDoc, locator: Locator, prefix: PathSegment[], advice: boolean, objects: LoadedObject[], problems: Problem[]): void {
  const r = new Reporter(locator, prefix);
  validateObject(value, r, advice);
  problems.push(...r.problems);
  if (r.errorCount === 0) {
    const at = doc.positionOf(prefix);
    objects.push({ object: value as KubeObject, file: locator.file, line: at.line, column: at.column, docIndex: doc.index });
  }
}

/** Validates one object, reporting through `r`. */
function validateObject(value: unknown, r: Reporter, advice: boolean): void {
  if (!isPlainObject(value)) {
    const what = Array.isArray(value) ? 'a list' : `${quote(value)}`;
    r.error('not-an-object', [], `this document is ${what}, not a Kubernetes object`, 'A manifest document is a mapping with apiVersion, kind, metadata and spec; separate documents with "---".');
    return;
  }
  const kind = value['kind'];
  if (typeof kind === 'string') r.kind = kind;
  const meta = value['metadata'];
  if (isPlainObject(meta) && typeof meta['name'] === 'string') r.name = meta['name'];
  const rootType = checkKindAndVersion(value['apiVersion'], kind, r);
  if (!rootType || typeof kind !== 'string') return;
  const before = r.errorCount;
  checkValue(value, rootType, [], r, rootType);
  if (value['metadata'] == null) {
    r.error('name-required', [], 'the object has no metadata', 'Add "metadata:" with "name: my-app" under it.');
  } else if (isPlainObject(meta)) checkMetadata(kind, meta, r);
  const spec = value['spec'];
  const rules = ownEntry(SPEC_RULES, kind);
  if (rules && isPlainObject(spec)) rules(spec, r);
  else if (rules && spec == null && kind !== 'Pod') r.error('required', [], `the ${kind} has no spec`, 'Add "spec:" with the desired state.');
  else if (kind === 'Pod' && spec == null) r.error('required', [], 'the Pod has no spec', 'Add "spec:" with "containers:".');
  if (kind === 'ConfigMap' || kind === 'Secret') checkConfigData(kind, value, r);
  checkControlCharacters(value, r);
  if (advice && r.errorCount === before) adviseObject(kind, value, r);
}

/** Advice that needs several objects: a StatefulSet's governing Service should be headless. */
function adviseAcross(objects: LoadedObject[], docs: ParsedDoc[], file: string, problems: Problem[]): void {
  const services = objects.filter((o) => o.object.kind === 'Service');
  for (const o of objects) {
    if (o.object.kind !== 'StatefulSet') continue;
    const serviceName = (o.object.spec as Record<string, unknown> | undefined)?.['serviceName'];
    if (typeof serviceName !== 'string' || serviceName === '') continue;
    const ns = o.object.metadata.namespace ?? 'default';
    const svc = services.find((s) => s.object.metadata.name === serviceName && (s.object.metadata.namespace ?? 'default') === ns);
    const headless = svc && (svc.object.spec as Record<string, unknown> | undefined)?.['clusterIP'] === 'None';
    if (headless) continue;
    const doc = docs.find((d) => d.index === o.docIndex);
    const pos = doc?.positionOf(['spec', 'serviceName']) ?? { line: o.line, column: o.column };
    problems.push({
      severity: 'warning',
      rule: 'advice-headless-service',
      file,
      ...pos,
      kind: 'StatefulSet',
      name: o.object.metadata.name ?? '',
      path: 'spec.serviceName',
      message: svc ? `Service "${serviceName}" is not headless` : `no headless Service "${serviceName}" in this file`,
      hint: `The Pods' stable DNS names (web-0.${serviceName}) need a Service with clusterIP: None selecting them.`,
    });
  }
}
