/**
 * Mutants of a reference solution: the same manifest with ONE essential field changed or removed. If a
 * mutant still passes every check, the checks cannot tell the learner got that field wrong.
 *
 * Fields are picked generically from the manifest by name (replicas, tolerations, podManagementPolicy,
 * image, the selector's labels, …), deterministically, and fields the exercise asks for (those the
 * starter lacks or sets differently) come first. Removals whose value is the API default are skipped:
 * they would be the same manifest to Kubernetes.
 */
import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';

export interface Mutant {
  /** Plain words: "spec.replicas changed from 3 to 2". */
  description: string;
  /** 1-based line of the mutated field in the solution. */
  line: number;
  text: string;
}

type Path = (string | number)[];
type Change = { op: 'set'; value: unknown; describe: string } | { op: 'delete'; describe: string } | { op: 'relabel'; key: string; value: string; describe: string };

interface Candidate {
  doc: number;
  path: Path;
  change: Change;
  /** The learner's task touches this field (starter differs): tried first. */
  task: boolean;
  rank: number;
}

/** Always worth a mutant: the fields workload lessons are about. Order = priority among equals. */
const ESSENTIAL = ['replicas', 'podManagementPolicy', 'completions', 'parallelism', 'concurrencyPolicy', 'completionMode', 'tolerations', 'nodeSelector', 'affinity', 'strategy', 'updateStrategy', 'maxSurge', 'maxUnavailable', 'partition', 'backoffLimit', 'activeDeadlineSeconds', 'schedule', 'suspend', 'minReadySeconds', 'readinessProbe', 'persistentVolumeClaimRetentionPolicy', 'volumeClaimTemplates', 'image', 'podFailurePolicy', 'successPolicy', 'backoffLimitPerIndex', 'maxFailedIndexes', 'topologySpreadConstraints'];

/** Only when the task asks for them: fine-tuning fields a reference solution may set as good practice. */
const TASK_ONLY = ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'revisionHistoryLimit', 'progressDeadlineSeconds', 'ttlSecondsAfterFinished', 'terminationGracePeriodSeconds', 'timeZone', 'whenScaled', 'whenDeleted', 'livenessProbe', 'startupProbe', 'initialDelaySeconds', 'periodSeconds', 'failureThreshold', 'serviceName', 'hostname', 'subdomain', 'nodeName', 'priorityClassName', 'restartPolicy', 'type'];

/** Known alternatives for enumerated values (k8s.io/api types). */
const ENUMS: Record<string, string[]> = {
  podManagementPolicy: ['OrderedReady', 'Parallel'],
  concurrencyPolicy: ['Allow', 'Forbid', 'Replace'],
  completionMode: ['NonIndexed', 'Indexed'],
  whenScaled: ['Retain', 'Delete'],
  whenDeleted: ['Retain', 'Delete'],
};

/** API defaults (removing a field set to its default changes nothing). */
const DEFAULTS: Record<string, unknown> = {
  replicas: 1,
  podManagementPolicy: 'OrderedReady',
  concurrencyPolicy: 'Allow',
  completionMode: 'NonIndexed',
  parallelism: 1,
  backoffLimit: 6,
  suspend: false,
  minReadySeconds: 0,
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
  successfulJobsHistoryLimit: 3,
  failedJobsHistoryLimit: 1,
  terminationGracePeriodSeconds: 30,
  partition: 0,
  maxSurge: '25%',
  maxUnavailable: '25%',
  whenScaled: 'Retain',
  whenDeleted: 'Retain',
};

const WORKLOAD_LABELS: Record<string, Path> = {
  Deployment: ['spec', 'template', 'metadata', 'labels'],
  ReplicaSet: ['spec', 'template', 'metadata', 'labels'],
  StatefulSet: ['spec', 'template', 'metadata', 'labels'],
  DaemonSet: ['spec', 'template', 'metadata', 'labels'],
  Job: ['spec', 'template', 'metadata', 'labels'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
};

/** Up to `max` mutants of `solution`, most relevant first; none if the text is not plain YAML. */
export function mutants(solution: string, starter: string, max: number): Mutant[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(solution, { lineCounter });
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return [];
  const starterObjects = starterIndex(starter);
  const candidates: Candidate[] = [];
  docs.forEach((doc, i) => collect(doc.toJS() as unknown, i, starterObjects, candidates));
  candidates.sort((a, b) => Number(b.task) - Number(a.task) || a.rank - b.rank || a.doc - b.doc);
  const out: Mutant[] = [];
  for (const c of candidates) {
    if (out.length >= max) break;
    const mutated = apply(docs, c);
    if (mutated === undefined) continue;
    const node = docs[c.doc]!.getIn(c.path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    out.push({ description: c.change.describe, line, text: mutated });
  }
  return out;
}

/** The starter's objects keyed by kind/name, to tell which fields the task is about. */
function starterIndex(starter: string): Map<string, unknown> {
  const map = new Map<string, unknown>();
  try {
    for (const doc of parseAllDocuments(starter)) {
      if (!('toJS' in doc) || doc.errors.length) continue;
      const obj = doc.toJS() as Record<string, unknown> | null;
      if (obj && typeof obj === 'object') map.set(objectKey(obj), obj);
    }
  } catch {
    // A starter that is not YAML at all: every field counts as part of the task.
  }
  return map;
}

function objectKey(obj: Record<string, unknown>): string {
  const meta = obj.metadata as { name?: unknown } | undefined;
  return `${String(obj.kind)}/${String(meta?.name)}`;
}

function collect(value: unknown, doc: number, starter: Map<string, unknown>, out: Candidate[]): void {
  if (!isRecord(value)) return;
  const before = starter.get(objectKey(value));
  const differs = (path: Path, v: unknown) => JSON.stringify(getIn(before, path)) !== JSON.stringify(v);
  walk(value, [], (path, key, v) => {
    if (path[0] !== 'spec') return;
    const essential = ESSENTIAL.indexOf(key);
    const taskOnly = TASK_ONLY.indexOf(key);
    const task = differs(path, v);
    if (essential < 0 && (taskOnly < 0 || !task)) return;
    // `type` only inside strategy/updateStrategy (a Service's type, a probe's type… are not workload behaviour).
    if (key === 'type' && !['strategy', 'updateStrategy'].includes(String(path[path.length - 2]))) return;
    const change = changeFor(key, v);
    if (change) out.push({ doc, path, change: { ...change, describe: `${showPath(path)} ${change.describe}` }, task, rank: essential >= 0 ? essential : ESSENTIAL.length + taskOnly });
  });
  const labelsPath = WORKLOAD_LABELS[String(value.kind)];
  const labels = labelsPath && getIn(value, labelsPath);
  if (isRecord(labels)) {
    const key = Object.keys(labels).sort()[0];
    if (key !== undefined) {
      const v = `${String(labels[key])}-x`;
      out.push({ doc, path: [...labelsPath, key], change: { op: 'relabel', key, value: v, describe: `pod label ${key}=${String(labels[key])} changed to ${key}=${v} (in the template and the selector)` }, task: false, rank: ESSENTIAL.indexOf('tolerations') });
    }
  }
}

/** Visits every key under the object (not inside metadata/labels maps or containers' env). */
function walk(value: unknown, path: Path, visit: (path: Path, key: string, v: unknown) => void): void {
  if (!isRecord(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const here = [...path, key];
    visit(here, key, v);
    if (['metadata', 'env', 'labels', 'annotations', 'command', 'args', 'resources'].includes(key)) continue;
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...here, i], visit));
    else walk(v, here, visit);
  }
}

/** The one change made to a field, or undefined when no meaningful change is known. */
function changeFor(key: string, v: unknown): Change | undefined {
  if (Array.isArray(v) || isRecord(v)) {
    if (Array.isArray(v) && v.length > 1) return { op: 'set', value: v.slice(1), describe: 'without its first item' };
    return { op: 'delete', describe: 'removed' };
  }
  const alternatives = ENUMS[key];
  if (alternatives && typeof v === 'string') {
    const other = alternatives.find((a) => a !== v);
    return other === undefined ? undefined : { op: 'set', value: other, describe: `changed from ${v} to ${other}` };
  }
  if (key === 'image' && typeof v === 'string') {
    const other = v.replace(/(:[^:/@]+)?(@.*)?$/, ':mutant');
    return { op: 'set', value: other, describe: `changed from ${v} to ${other}` };
  }
  if (key === 'schedule' && typeof v === 'string') {
    const other = v === '17 3 * * *' ? '41 5 * * *' : '17 3 * * *';
    return { op: 'set', value: other, describe: `changed from '${v}' to '${other}'` };
  }
  // Durations and history limits: a value one lower is rarely observable; leaving the field out is.
  if (/(Seconds|SecondsAfterFinished|Limit|LimitPerIndex)$/.test(key) && typeof v === 'number') return DEFAULTS[key] === v ? undefined : { op: 'delete', describe: `removed (was ${v})` };
  if (typeof v === 'boolean') return { op: 'set', value: !v, describe: `changed from ${v} to ${!v}` };
  if (typeof v === 'number' && Number.isInteger(v)) {
    const other = v > 0 ? v - 1 : 1;
    return { op: 'set', value: other, describe: `changed from ${v} to ${other}` };
  }
  if (typeof v === 'string' && /^\d+%$/.test(v)) {
    const other = v === '0%' ? '50%' : '0%';
    return { op: 'set', value: other, describe: `changed from ${v} to ${other}` };
  }
  if (typeof v === 'string' && Object.hasOwn(DEFAULTS, key) && DEFAULTS[key] !== v) return { op: 'delete', describe: 'removed (back to its default)' };
  if (typeof v === 'string' && (key === 'type' || key === 'restartPolicy')) {
    const options = key === 'type' ? ['RollingUpdate', 'Recreate', 'OnDelete'] : ['Never', 'OnFailure', 'Always'];
    const other = options.find((o) => o !== v);
    return other === undefined ? undefined : { op: 'set', value: other, describe: `changed from ${v} to ${other}` };
  }
  if (Object.hasOwn(DEFAULTS, key) && DEFAULTS[key] === v) return undefined;
  return { op: 'delete', describe: 'removed' };
}

function apply(docs: Document.Parsed[], c: Candidate): string | undefined {
  const copies = docs.map((d) => d.clone());
  const doc = copies[c.doc]!;
  if (c.change.op === 'set') doc.setIn(c.path, doc.createNode(c.change.value));
  else if (c.change.op === 'delete') doc.deleteIn(c.path);
  else relabel(doc, c.path.slice(0, -1), c.change.key, c.change.value);
  return copies.map((d) => d.toString()).join('---\n');
}

/** Changes a pod label consistently in the template and in the workload's selector. */
function relabel(doc: Document, labelsPath: Path, key: string, value: string): void {
  doc.setIn([...labelsPath, key], value);
  const selector = doc.getIn(['spec', 'selector', 'matchLabels', key], true);
  if (isScalar(selector)) doc.setIn(['spec', 'selector', 'matchLabels', key], value);
  const jobSelector = doc.getIn(['spec', 'jobTemplate', 'spec', 'selector', 'matchLabels', key], true);
  if (isScalar(jobSelector)) doc.setIn(['spec', 'jobTemplate', 'spec', 'selector', 'matchLabels', key], value);
}

function getIn(value: unknown, path: Path): unknown {
  let cur = value;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function showPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
