/**
 * manageJob (pkg/controller/job/job_controller.go): keep the right number of pods running —
 * never more than parallelism nor than the completions still needed — creating the lowest free
 * indexes first for Indexed Jobs, deleting the cheapest pods first, and waiting out the pod
 * failure back-off before replacing failed pods.
 */
import type { Action } from '../../controller.js';
import type { Job, KubeObject, OwnerReference, Pod, Stored } from '../../api/types.js';
import { markShared } from '../../api/defaults.js';
import { newControllerRef, refOf } from '../../api/types.js';
import { remainingBackoff, type BackoffRecord } from './backoff.js';
import { COMPLETION_INDEX_ENV, COMPLETION_INDEX_KEY, completionIndexOf, firstPendingIndexes, podGenerateNameWithIndex } from './indexes.js';
import { INDEX_FAILURE_COUNT_KEY, remainingForIndex, type IndexFailure } from './per-index.js';
import { byDeletionPreference, isReady, JOB_TRACKING_FINALIZER, onlyReplaceFailedPods, type JobPod } from './pods.js';

/** Upstream MaxPodCreateDeletePerSync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export interface ManageInput {
  job: Stored<Job>;
  now: number;
  activePods: readonly JobPod[];
  /** Succeeded pods so far (status plus newly seen). */
  succeeded: number;
  succeededIndexes: ReadonlySet<number>;
  terminating: number;
  /** The back-off record, computed only when pods are to be created (it reads every finished pod). */
  backoff: () => BackoffRecord;
  /** backoffLimitPerIndex: each index's last failure, and the indexes failed for good. */
  perIndex?: { failures: ReadonlyMap<number, IndexFailure>; failed: ReadonlySet<number> };
}

export interface ManageResult {
  active: number;
  /** Pods this sync started deleting, and how many of them were ready. */
  removed: number;
  removedReady: number;
  actions: Action[];
  /** Sync again after this long (back-off still running). */
  requeueMs?: number;
}

/** How many pods should be running. */
export function wantActive(completions: number | undefined, parallelism: number, succeeded: number, active: number): number {
  if (completions === undefined) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(parallelism, completions - succeeded));
}

export function manageJob(input: ManageInput): ManageResult {
  const { job, activePods } = input;
  const active = activePods.length;
  if (job.spec?.suspend === true) return removePods(job, podsForRemoval(job, activePods, active), active);
  const completions = job.spec?.completions ?? undefined;
  const want = wantActive(completions, job.spec?.parallelism ?? 1, input.succeeded, active);
  const surplus = podsForRemoval(job, activePods, Math.max(0, active - want)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  // Upstream never creates and deletes in the same sync; deleting wins.
  if (surplus.length > 0) return removePods(job, surplus, active);
  const terminating = onlyReplaceFailedPods(job) ? input.terminating : 0;
  let diff = want - terminating - active;
  if (diff <= 0) return { active, removed: 0, removedReady: 0, actions: [] };
  if (input.perIndex) return createPerIndex(input, Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC), input.perIndex);
  const wait = remainingBackoff(input.backoff(), input.now);
  // Upstream reports active 0 while waiting; the true count is kept here so status.active never lies.
  if (wait > 0) return { active, removed: 0, removedReady: 0, actions: [], requeueMs: wait };
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  const indexes = isIndexed(job) ? firstPendingIndexes(completions ?? 0, takenIndexes(input), diff) : undefined;
  const count = indexes ? indexes.length : diff;
  const actions: Action[] = [];
  for (let i = 0; i < count; i++) actions.push(createPod(job, indexes?.[i]));
  return { active: active + count, removed: 0, removedReady: 0, actions };
}

/**
 * getPodCreationInfoForIndependentIndexes: the lowest free indexes whose own back-off is over;
 * each new pod carries its index's failure count. The simulation also wakes up when the next
 * waiting index is due (upstream relies on other events to sync again).
 */
function createPerIndex(input: ManageInput, diff: number, perIndex: NonNullable<ManageInput['perIndex']>): ManageResult {
  const taken = takenIndexes(input);
  for (const ix of perIndex.failed) taken.add(ix);
  const free = firstPendingIndexes(input.job.spec?.completions ?? 0, taken, Infinity);
  const ready = free.filter((ix) => remainingForIndex(perIndex.failures, ix, input.now) === 0).slice(0, diff);
  const waits = free.map((ix) => remainingForIndex(perIndex.failures, ix, input.now)).filter((ms) => ms > 0);
  const actions = ready.map((ix) => createPod(input.job, ix, perIndex.failures.get(ix)?.failures ?? 0));
  const result: ManageResult = { active: input.activePods.length + ready.length, removed: 0, removedReady: 0, actions };
  if (waits.length > 0) result.requeueMs = Math.min(...waits);
  return result;
}

export function isIndexed(job: Stored<Job>): boolean {
  return job.spec?.completionMode === 'Indexed';
}

function takenIndexes(input: ManageInput): Set<number> {
  const taken = new Set(input.succeededIndexes);
  for (const p of input.activePods) {
    const ix = completionIndexOf(p.metadata.annotations);
    if (ix !== undefined) taken.add(ix);
  }
  return taken;
}

/**
 * activePodsForRemoval: for Indexed Jobs first pods without a valid index and duplicates of an
 * index, then the cheapest pods, until at least `atLeast` are chosen.
 */
export function podsForRemoval(job: Stored<Job>, pods: readonly JobPod[], atLeast: number): JobPod[] {
  const remove: JobPod[] = [];
  let left: readonly JobPod[] = pods;
  if (isIndexed(job)) {
    const completions = job.spec?.completions ?? 0;
    const seen = new Set<number>();
    const kept: JobPod[] = [];
    for (const p of [...pods].sort((a, b) => byDeletionPreference(b, a))) {
      const ix = completionIndexOf(p.metadata.annotations);
      if (ix === undefined || ix >= completions || seen.has(ix)) remove.push(p);
      else {
        seen.add(ix);
        kept.push(p);
      }
    }
    left = kept;
  }
  if (remove.length < atLeast) remove.push(...[...left].sort(byDeletionPreference).slice(0, atLeast - remove.length));
  return remove;
}

/** deleteJobPods: the pod is not counted as failed, so its tracking finalizer goes first. */
function removePods(job: Stored<Job>, pods: readonly JobPod[], active: number): ManageResult {
  const actions: Action[] = [];
  for (const p of pods) actions.push(...deletePod(job, p, true));
  return { active: active - pods.length, removed: pods.length, removedReady: pods.filter(isReady).length, actions };
}

export function deletePod(job: Stored<Job>, pod: JobPod, dropFinalizer: boolean): Action[] {
  const actions: Action[] = [];
  if (dropFinalizer && pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) actions.push(withoutFinalizer(pod));
  actions.push({
    type: 'delete',
    kind: 'Pod',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    event: { eventType: 'Normal', reason: 'SuccessfulDelete', involved: refOf(job), message: `Deleted pod: ${pod.metadata.name}` },
  });
  return actions;
}

export function withoutFinalizer(pod: JobPod): Action {
  const { finalizers = [], ...others } = pod.metadata;
  const kept = finalizers.filter((f) => f !== JOB_TRACKING_FINALIZER);
  // Built without the key rather than deleting it afterwards (a delete slows every later read).
  const metadata = kept.length > 0 ? { ...pod.metadata, finalizers: kept } : others;
  return { type: 'update', object: { ...pod, metadata } };
}

/** A pod from the Job's template (GetPodFromTemplate), with the Indexed Job additions. */
export function createPod(job: Stored<Job>, index: number | undefined, indexFailures?: number): Action {
  const pod = index === undefined ? podOfTemplate(job) : indexedPod(job, index, indexFailures);
  return {
    type: 'create',
    object: pod,
    event: { eventType: 'Normal', reason: 'SuccessfulCreate', involved: refOf(job), message: 'Created pod: {name}' },
  };
}

type JobTemplate = NonNullable<NonNullable<Job['spec']>['template']>;

interface PodParts {
  readonly jobUid: string;
  readonly labels: Record<string, string>;
  readonly ownerReferences: OwnerReference[];
  readonly finalizers: string[];
  readonly annotations: Record<string, string> | undefined;
}

/** The parts the pods of a many-pod Job share, by its (immutable) stored template. */
const sharedByTemplate = new WeakMap<object, PodParts>();

/**
 * Without an index, the pods of a Job differ only in their names. A Job that runs many pods has them
 * share the template's spec, labels, owner references, finalizers and annotations (stored objects are
 * immutable; see markShared), so the API server defaults the spec once and 10,000 pods keep one copy.
 * A one-pod Job (the usual CronJob run) gains nothing from sharing but its bookkeeping, so its pod
 * gets parts of its own.
 */
function podOfTemplate(job: Stored<Job>): KubeObject {
  const template = job.spec?.template ?? {};
  const spec = template.spec ?? { containers: [] };
  const parts = runsManyPods(job) ? sharedParts(job, template, spec) : partsOf(job, template);
  const metadata: Pod['metadata'] = {
    generateName: `${job.metadata.name}-`,
    namespace: job.metadata.namespace,
    labels: parts.labels,
    ownerReferences: parts.ownerReferences,
    finalizers: parts.finalizers,
  };
  if (parts.annotations) metadata!.annotations = parts.annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

function sharedParts(job: Stored<Job>, template: JobTemplate, spec: object): PodParts {
  let parts = sharedByTemplate.get(template);
  if (parts?.jobUid === job.metadata.uid) return parts;
  parts = partsOf(job, template);
  for (const part of [parts.labels, parts.ownerReferences, parts.finalizers, parts.annotations, spec]) if (part) markShared(part);
  sharedByTemplate.set(template, parts);
  return parts;
}

function runsManyPods(job: Stored<Job>): boolean {
  return (job.spec?.parallelism ?? 1) > 1 || (job.spec?.completions ?? 1) > 1;
}

function partsOf(job: Stored<Job>, template: JobTemplate): PodParts {
  const annotations = template.metadata?.annotations;
  return {
    jobUid: job.metadata.uid,
    labels: { ...(template.metadata?.labels ?? {}) },
    ownerReferences: [newControllerRef(job)],
    finalizers: trackedFinalizers(template),
    annotations: annotations && Object.keys(annotations).length > 0 ? { ...annotations } : undefined,
  };
}

/** An Indexed Job's pod: its index in annotation, label, env and hostname. */
function indexedPod(job: Stored<Job>, index: number, indexFailures: number | undefined): KubeObject {
  const template = job.spec?.template ?? {};
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}), [COMPLETION_INDEX_KEY]: String(index) };
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}), [COMPLETION_INDEX_KEY]: String(index) };
  if (indexFailures !== undefined) annotations[INDEX_FAILURE_COUNT_KEY] = String(indexFailures);
  const spec = withIndexEnv({ ...(template.spec ?? { containers: [] }), hostname: `${job.metadata.name}-${index}` });
  const metadata: Pod['metadata'] = {
    generateName: podGenerateNameWithIndex(job.metadata.name, index),
    namespace: job.metadata.namespace,
    labels,
    ownerReferences: [newControllerRef(job)],
    finalizers: trackedFinalizers(template),
    annotations,
  };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** The template's finalizers, then the job-tracking one (once). */
function trackedFinalizers(template: JobTemplate): string[] {
  return [...(template.metadata?.finalizers ?? []).filter((f: string) => f !== JOB_TRACKING_FINALIZER), JOB_TRACKING_FINALIZER];
}

/** addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the index annotation, in every container. */
function withIndexEnv(spec: NonNullable<Pod['spec']>): NonNullable<Pod['spec']> {
  const env = { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX_KEY}']` } } };
  const add = <C extends { env?: { name: string }[] }>(c: C): C =>
    c.env?.some((e) => e.name === COMPLETION_INDEX_ENV) ? c : { ...c, env: [...(c.env ?? []), env] };
  const out = { ...spec, containers: spec.containers.map(add) };
  if (spec.initContainers) out.initContainers = spec.initContainers.map(add);
  return out;
}
