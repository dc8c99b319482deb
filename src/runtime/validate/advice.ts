// Advice: warnings, never errors, in the spirit of kube-linter/kube-score, each with one line of why.
import type { Reporter } from './report.js';
import type { Path } from './report.js';
import { isPlainObject } from './schema-check.js';
import { dig } from './rules/common.js';

export function adviseObject(kind: string, obj: Record<string, unknown>, r: Reporter): void {
  const spec = isPlainObject(obj['spec']) ? obj['spec'] : {};
  const template = templatePath(kind);
  if (template) {
    const podSpec = dig(obj, ...template);
    if (isPlainObject(podSpec)) advisePod(podSpec, template, r, kind === 'Deployment');
  }
  if (kind === 'Deployment' && (spec['replicas'] === undefined || spec['replicas'] === 1)) {
    r.warn('advice-single-replica', spec['replicas'] === undefined ? ['spec'] : ['spec', 'replicas'], 'the Deployment runs a single replica', 'One Pod means downtime whenever it is rescheduled or updated; consider replicas: 2 or more.');
  }
  if (kind === 'CronJob' && spec['startingDeadlineSeconds'] == null) {
    r.warn('advice-starting-deadline', ['spec'], 'no startingDeadlineSeconds', 'Without it, a missed run (controller down, CronJob suspended) still starts however late it is; e.g. startingDeadlineSeconds: 200 skips runs more than 200 s late.');
  }
  if (kind === 'Job' && spec['ttlSecondsAfterFinished'] == null) {
    r.warn('advice-job-ttl', ['spec'], 'no ttlSecondsAfterFinished', 'Finished Jobs and their Pods stay until deleted; ttlSecondsAfterFinished: 3600 cleans them up.');
  }
  if (kind === 'StatefulSet') adviseClaims(spec, r);
  if (obj['status'] != null) {
    r.warn('advice-status', ['status'], 'status is written by the cluster; the API server ignores it here', 'Remove the status section (it was probably copied from kubectl get -o yaml).');
  }
}

function templatePath(kind: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(kind)) return ['spec', 'template', 'spec'];
  return undefined;
}

function advisePod(podSpec: Record<string, unknown>, path: Path, r: Reporter, wantsReadiness: boolean): void {
  const containers = Array.isArray(podSpec['containers']) ? podSpec['containers'] : [];
  containers.forEach((c, i) => {
    if (!isPlainObject(c)) return;
    const at = [...path, 'containers', i];
    const image = c['image'];
    if (typeof image === 'string' && image !== '') {
      const tag = imageTag(image);
      if (tag === undefined || tag === 'latest') {
        r.warn('advice-image-tag', [...at, 'image'], `image ${tag ? 'uses the tag :latest' : 'has no tag (so :latest)'}`, 'A new push silently changes what runs and rollbacks cannot return to it; pin a version such as nginx:1.27.');
      }
    }
    const res = c['resources'];
    if (!isPlainObject(res) || (res['requests'] == null && res['limits'] == null)) {
      r.warn('advice-resources', at, 'the container sets no resource requests or limits', 'The scheduler places it blind and it can starve its neighbours; set requests (and a memory limit).');
    }
    if (wantsReadiness && c['readinessProbe'] == null) {
      r.warn('advice-readiness', at, 'the container has no readinessProbe', 'Without one a Pod counts as ready as soon as it starts, so a rollout can send traffic to Pods not yet serving.');
    }
  });
}

/** The tag of an image reference, ignoring a registry port and a digest. */
function imageTag(image: string): string | undefined {
  if (image.includes('@')) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon === -1 ? undefined : image.slice(colon + 1);
}

function adviseClaims(spec: Record<string, unknown>, r: Reporter): void {
  const vcts = Array.isArray(spec['volumeClaimTemplates']) ? spec['volumeClaimTemplates'] : [];
  const containers = dig(spec, 'template', 'spec', 'containers');
  const mounted = new Set<string>();
  if (Array.isArray(containers)) {
    for (const c of containers) {
      const mounts = isPlainObject(c) && Array.isArray(c['volumeMounts']) ? c['volumeMounts'] : [];
      for (const m of mounts) if (isPlainObject(m) && typeof m['name'] === 'string') mounted.add(m['name']);
    }
  }
  vcts.forEach((t, i) => {
    const name = dig(t, 'metadata', 'name');
    if (typeof name === 'string' && !mounted.has(name)) {
      r.warn('advice-claim-unmounted', ['spec', 'volumeClaimTemplates', i], `volume claim template "${name}" is not mounted by any container`, 'Each Pod gets a PersistentVolumeClaim it never uses; add a volumeMount with this name.');
    }
  });
}
