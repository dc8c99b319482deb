/**
 * kubectl-style tables of objects (the columns `kubectl get` prints for each kind), as plain strings
 * so each front end can lay them out. Ages are relative to the instant shown, in virtual time.
 */
import { sanitizeForTerminal } from '../../runtime/yaml/index.js';
import type { KubeLike, ObjectTable } from '../types.js';
import { condition, getPath } from './fields.js';

type Row = (o: KubeLike, now: number) => string[];

const n = (v: unknown) => (typeof v === 'number' ? String(v) : '0');
const s = (v: unknown) => (v === undefined || v === null || v === '' ? '<none>' : String(v));
const status = (o: KubeLike, path: string) => getPath(o.status, path);
const spec = (o: KubeLike, path: string) => getPath(o.spec, path);

const COLUMNS: Record<string, { columns: string[]; row: Row }> = {
  Pod: { columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE'], row: (o, now) => [name(o), podReady(o), podStatus(o), podRestarts(o), age(o, now), s(spec(o, 'nodeName'))] },
  Deployment: { columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], row: (o, now) => [name(o), `${n(status(o, 'readyReplicas'))}/${n(spec(o, 'replicas'))}`, n(status(o, 'updatedReplicas')), n(status(o, 'availableReplicas')), age(o, now)] },
  ReplicaSet: { columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], row: (o, now) => [name(o), n(spec(o, 'replicas')), n(status(o, 'replicas')), n(status(o, 'readyReplicas')), age(o, now)] },
  StatefulSet: { columns: ['NAME', 'READY', 'AGE'], row: (o, now) => [name(o), `${n(status(o, 'readyReplicas'))}/${n(spec(o, 'replicas'))}`, age(o, now)] },
  DaemonSet: { columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], row: (o, now) => [name(o), n(status(o, 'desiredNumberScheduled')), n(status(o, 'currentNumberScheduled')), n(status(o, 'numberReady')), n(status(o, 'updatedNumberScheduled')), n(status(o, 'numberAvailable')), age(o, now)] },
  Job: { columns: ['NAME', 'STATUS', 'COMPLETIONS', 'ACTIVE', 'FAILED', 'AGE'], row: (o, now) => [name(o), jobStatus(o), `${n(status(o, 'succeeded'))}/${spec(o, 'completions') ?? 1}`, n(status(o, 'active')), n(status(o, 'failed')), age(o, now)] },
  CronJob: { columns: ['NAME', 'SCHEDULE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'], row: (o, now) => [name(o), s(spec(o, 'schedule')), String(spec(o, 'suspend') ?? false), String((status(o, 'active') as unknown[] | undefined)?.length ?? 0), since(status(o, 'lastScheduleTime'), now), age(o, now)] },
  PersistentVolumeClaim: { columns: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'AGE'], row: (o, now) => [name(o), s(status(o, 'phase')), s(spec(o, 'volumeName')), s(status(o, 'capacity.storage')), age(o, now)] },
  PersistentVolume: { columns: ['NAME', 'CAPACITY', 'STATUS', 'CLAIM', 'AGE'], row: (o, now) => [name(o), s(spec(o, 'capacity.storage')), s(status(o, 'phase')), claimOf(o), age(o, now)] },
  Node: { columns: ['NAME', 'STATUS', 'AGE'], row: (o, now) => [name(o), nodeStatus(o), age(o, now)] },
  Service: { columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'AGE'], row: (o, now) => [name(o), s(spec(o, 'type')), s(spec(o, 'clusterIP')), age(o, now)] },
};

export function objectTable(kind: string, objects: readonly KubeLike[], now: number): ObjectTable {
  const def = COLUMNS[kind] ?? { columns: ['NAME', 'AGE'], row: (o: KubeLike, t: number) => [name(o), age(o, t)] };
  return { kind, columns: def.columns, rows: objects.map((o) => def.row(o, now).map((cell) => sanitizeForTerminal(cell))) };
}

/** Tables rendered as aligned text (for line mode); one table per kind, a blank line between. */
export function formatTables(tables: readonly ObjectTable[], indent = ''): string {
  return tables
    .map((t) => {
      const widths = t.columns.map((c, i) => Math.max(c.length, ...t.rows.map((r) => r[i]!.length)));
      const line = (cells: string[]) => indent + cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('');
      return [line(t.columns), ...t.rows.map(line)].join('\n');
    })
    .join('\n\n');
}

function name(o: KubeLike): string {
  return o.metadata.namespace && o.metadata.namespace !== 'default' ? `${o.metadata.namespace}/${o.metadata.name}` : (o.metadata.name ?? '');
}

type ContainerStatus = { ready?: boolean; restartCount?: number; state?: { waiting?: { reason?: string }; terminated?: { reason?: string } } };
const containerStatuses = (o: KubeLike) => (status(o, 'containerStatuses') as ContainerStatus[] | undefined) ?? [];

function podReady(o: KubeLike): string {
  const total = (spec(o, 'containers') as unknown[] | undefined)?.length ?? 1;
  return `${containerStatuses(o).filter((c) => c.ready).length}/${total}`;
}

function podRestarts(o: KubeLike): string {
  return String(containerStatuses(o).reduce((sum, c) => sum + (c.restartCount ?? 0), 0));
}

/** As kubectl: Terminating, else a container's waiting/terminated reason, else the phase. */
function podStatus(o: KubeLike): string {
  if (o.metadata.deletionTimestamp) return 'Terminating';
  for (const c of containerStatuses(o)) {
    const reason = c.state?.waiting?.reason ?? c.state?.terminated?.reason;
    if (reason) return reason;
  }
  return s(status(o, 'phase') ?? 'Pending');
}

function jobStatus(o: KubeLike): string {
  if (condition(o, 'Complete') === 'True') return 'Complete';
  if (condition(o, 'Failed') === 'True') return 'Failed';
  if (spec(o, 'suspend') === true) return 'Suspended';
  return 'Running';
}

function nodeStatus(o: KubeLike): string {
  const ready = condition(o, 'Ready') === 'True' ? 'Ready' : 'NotReady';
  return spec(o, 'unschedulable') === true ? `${ready},SchedulingDisabled` : ready;
}

function claimOf(o: KubeLike): string {
  const ref = spec(o, 'claimRef') as { namespace?: string; name?: string } | undefined;
  return ref?.name ? `${ref.namespace ?? 'default'}/${ref.name}` : '';
}

function age(o: KubeLike, now: number): string {
  return since(o.metadata.creationTimestamp, now);
}

function since(time: unknown, now: number): string {
  if (typeof time !== 'string') return '<none>';
  const ms = now - Date.parse(time);
  return Number.isFinite(ms) ? duration(Math.max(0, ms)) : '<none>';
}

/** kubectl's short durations: 45s, 3m20s, 2h5m, 3d. */
export function duration(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec < 120) return `${sec}s`;
  const min = Math.floor(sec / 60);
  if (min < 10) return `${min}m${sec % 60 ? (sec % 60) + 's' : ''}`;
  if (min < 180) return `${min}m`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h}h${min % 60 ? (min % 60) + 'm' : ''}`;
  return `${Math.floor(h / 24)}d`;
}
